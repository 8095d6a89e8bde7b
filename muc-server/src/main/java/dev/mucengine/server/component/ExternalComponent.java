package dev.mucengine.server.component;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.StanzaRouter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine as an external component (XEP-0114) of an XMPP server: connects, authenticates,
 * hands every stanza the server routes to the domain to the engine and sends back what it
 * answers; reconnects with backoff when the connection fails or drops, keeping the rooms.
 *
 * <p>One thread connects and reads, and hands each stanza to the engine thread
 * ({@link ConfinedEngine}); the engine's outputs go through the {@link StanzaRouter} to the
 * current connection, which writes on its own thread and makes the engine wait while the server
 * does not read (back-pressure, up to the reading thread and the server).
 */
public final class ExternalComponent {

    /** How the component ended. */
    public sealed interface Outcome {
        /** {@link #stop()} was called. */
        record Stopped() implements Outcome {
        }

        /** A failure retrying cannot fix, such as a wrong secret. */
        record Failed(String reason) implements Outcome {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** Stanzas from the server that may wait for the engine before the reading thread waits too. */
    private static final int ENGINE_QUEUE_CAPACITY = 1024;

    private final ComponentSettings settings;
    private final ConfinedEngine engine;
    private final StanzaRouter router;
    private final Consumer<String> log;
    private final Thread thread;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final Object connectionLock = new Object();
    private @Nullable ComponentConnection current;
    private boolean stopping;

    private ExternalComponent(ComponentSettings settings, MucService engine, RoomStore store, Clock clock,
            Consumer<String> log, int engineThreads) {
        this.settings = settings;
        this.engine = engineThreads == 1
                ? new ConfinedEngine(engine, store, clock, ENGINE_QUEUE_CAPACITY, log)
                : new ConfinedEngine(engine, store, clock, ENGINE_QUEUE_CAPACITY, log, engineThreads,
                        partition -> IdSource.unique());
        this.router = new StanzaRouter(this.engine, this::toServer);
        this.log = log;
        this.thread = new Thread(this::run, "component-" + settings.domain());
    }

    /**
     * Starts connecting in the background. {@link #stop()} ends it, also after a permanent
     * failure (it releases the engine thread).
     *
     * @param engine the service for {@code settings.domain()}; from now on only this component calls it
     * @param store the store {@code engine} reads from; the component applies the engine's changes to it
     * @param clock the time each stanza is handled at
     * @param log receives one line per connection event (connected, lost, retrying, dropped input)
     */
    public static ExternalComponent start(ComponentSettings settings, MucService engine, RoomStore store, Clock clock,
            Consumer<String> log) {
        return start(settings, engine, store, clock, log, 1);
    }

    /**
     * As {@link #start(ComponentSettings, MucService, RoomStore, Clock, Consumer)}, with the rooms
     * partitioned over {@code engineThreads} engine threads ({@link ConfinedEngine}), each drawing
     * ids from its own {@link IdSource#unique()}; one thread uses the service's own ids.
     *
     * @param engineThreads how many engine threads, at least 1
     * @throws StoreUnavailableException if the service created its secret
     *     and it cannot be stored ({@link ConfinedEngine#start}); nothing is started then
     */
    public static ExternalComponent start(ComponentSettings settings, MucService engine, RoomStore store, Clock clock,
            Consumer<String> log, int engineThreads) {
        ExternalComponent component = new ExternalComponent(settings, engine, store, clock, log, engineThreads);
        component.engine.start();
        component.thread.start();
        return component;
    }

    /**
     * Shuts down cleanly: the engine's shutdown presences (status 332, XEP-0045 §11.2) and
     * {@code </stream:stream>} go to the server, which then closes the stream (or, after the
     * settings' grace period, the socket is closed anyway). A server that stops reading gets the
     * same grace period before the connection is dropped. Idempotent; returns how the component
     * ended.
     */
    public Outcome stop() throws InterruptedException {
        ComponentConnection connection;
        synchronized (connectionLock) {
            stopping = true;
            connection = current;
        }
        stopSignal.countDown();
        AtomicInteger presences = new AtomicInteger();
        Duration grace = settings.closeGrace();
        boolean engineStopped = engine.stopAfter(() -> presences.set(router.shutdown()), grace);
        if (connection == null) {
            if (presences.get() > 0) {
                log.accept("shutting down while disconnected: " + presences.get() + " shutdown presence(s) not sent");
            }
        } else if (!engineStopped) {
            log.accept("the server is not reading; closing the connection without the shutdown presences");
            connection.close(); // ends the engine's wait for the writer
            engine.awaitStopped(grace);
        } else {
            log.accept("shutting down: sent " + presences.get() + " shutdown presence(s)");
            connection.closeStream();
            thread.join(Math.max(1, grace.toMillis()));
            if (thread.isAlive()) {
                log.accept("the server did not close the stream in time; closing the connection");
                connection.close();
            }
        }
        thread.join();
        return awaitOutcome();
    }

    /** Blocks until the component ends: after {@link #stop()}, or a permanent failure. */
    public Outcome awaitOutcome() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return new Outcome.Failed("internal error: " + e.getCause());
        }
    }

    private void run() {
        Outcome result = new Outcome.Stopped();
        try {
            result = connectLoop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            return;
        }
        outcome.complete(result);
    }

    private Outcome connectLoop() throws InterruptedException {
        String address = settings.host() + ":" + settings.port();
        int failures = 0;
        while (!isStopping()) {
            ComponentConnection connection;
            try {
                connection = ComponentConnection.open(settings);
            } catch (HandshakeRejectedException e) {
                if (e.isPermanent()) {
                    log.accept(e.getMessage() + "; giving up");
                    return new Outcome.Failed(e.getMessage());
                }
                failures++;
                retryLater(e.getMessage(), failures);
                continue;
            } catch (IOException e) {
                failures++;
                retryLater("cannot connect to " + address + ": " + e.getMessage(), failures);
                continue;
            }
            failures = 0;
            if (!attach(connection)) {
                connection.closeStream(); // stop() came during the handshake: nothing was joined yet
                connection.finish();
                break;
            }
            log.accept("connected to " + address + " as " + settings.domain());
            String reason = connection.readUntilEnd(this::inbound);
            synchronized (connectionLock) {
                current = null;
            }
            connection.finish();
            if (isStopping()) {
                log.accept("disconnected: " + reason);
                break;
            }
            failures++;
            retryLater("connection lost: " + reason, failures);
        }
        return new Outcome.Stopped();
    }

    private void inbound(Element element) {
        StanzaResult parsed = Stanza.parse(element);
        if (parsed instanceof StanzaResult.Valid valid) {
            Stanza stanza = valid.stanza();
            // Straight to the room's partition; one room's stanzas keep the server's order.
            engine.submit(stanza.to().orElse(settings.domain()), () -> router.toService(stanza));
        } else {
            // The server stamps addresses; a malformed one has no sender we could answer.
            log.accept("dropped an unusable <" + element.localName() + "/>: "
                    + ((StanzaResult.Invalid) parsed).error().condition());
        }
    }

    /** The router's destination: everything the engine sends goes to the server, if connected. */
    private List<Stanza> toServer(Stanza stanza) {
        ComponentConnection connection;
        synchronized (connectionLock) {
            connection = current;
        }
        if (connection != null) {
            connection.send(stanza); // waits while the server does not read
        }
        return List.of();
    }

    private boolean attach(ComponentConnection connection) {
        synchronized (connectionLock) {
            if (stopping) {
                return false;
            }
            current = connection;
            return true;
        }
    }

    private boolean isStopping() {
        synchronized (connectionLock) {
            return stopping;
        }
    }

    private void retryLater(String why, int failures) throws InterruptedException {
        long millis = settings.reconnect().delayAfter(failures).toMillis();
        log.accept(why + "; retrying in " + millis + " ms");
        stopSignal.await(millis, TimeUnit.MILLISECONDS);
    }
}
