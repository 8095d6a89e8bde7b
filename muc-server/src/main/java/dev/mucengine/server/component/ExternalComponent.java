package dev.mucengine.server.component;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.SelectorLoop;
import dev.mucengine.server.StanzaRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The engine as an external component (XEP-0114) of an XMPP server: connects, authenticates,
 * hands every stanza the server routes to the domain to the engine and sends back what it
 * answers; reconnects with backoff when the connection fails or drops, keeping the rooms.
 *
 * <p>Threads: the engine's ({@link ConfinedEngine}) and one selector thread
 * ({@code component-selector}, a {@link SelectorLoop}) that connects, reads, writes and keeps the
 * reconnection timers ({@link ComponentLink}); none per connection. The engine's outputs go
 * through the {@link StanzaRouter} to the current connection's bounded output.
 *
 * <p><b>Back-pressure.</b> Nothing the engine sends is dropped because the server is slow: when
 * the output holds {@link ComponentSettings#outboundBytes()}, the engine thread that sends waits
 * until the selector thread has written enough (the selector thread never waits, so it cannot
 * deadlock). Meanwhile the selector thread reads on until the engine's queue is full, then stops
 * reading, and TCP pushes back on the server. Memory stays bounded: the output's bound plus the
 * engine's queue. Only a lost connection drops what was still queued for it, as before.
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

    /** Stanzas from the server that may wait for the engine before the link stops reading. */
    private static final int ENGINE_QUEUE_CAPACITY = 1024;
    /** The selector's tick: the link has no per-tick timeouts, only its own timers. */
    private static final long TICK_MILLIS = 1000;

    private final ComponentSettings settings;
    private final ConfinedEngine engine;
    private final StanzaRouter router;
    private final SelectorLoop loop;
    private final ComponentLink link;
    private final Consumer<String> log;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final AtomicBoolean stopCalled = new AtomicBoolean();

    private ExternalComponent(ComponentSettings settings, MucService engine, RoomStore store, Clock clock,
            Consumer<String> log, int engineThreads) throws IOException {
        this.settings = settings;
        this.engine = engineThreads == 1
                ? new ConfinedEngine(engine, store, clock, ENGINE_QUEUE_CAPACITY, log)
                : new ConfinedEngine(engine, store, clock, ENGINE_QUEUE_CAPACITY, log, engineThreads,
                        partition -> IdSource.unique());
        this.loop = new SelectorLoop("component-selector", TICK_MILLIS);
        this.link = new ComponentLink(settings, loop, this.engine, stanza -> router().toService(stanza), log,
                reason -> outcome.complete(new Outcome.Failed(reason)));
        this.router = new StanzaRouter(this.engine, link::toServer);
        this.log = log;
    }

    /**
     * Starts connecting in the background. {@link #stop()} ends it, also after a permanent
     * failure (it releases the engine thread).
     *
     * @param engine the service for {@code settings.domain()}; from now on only this component calls it
     * @param store the store {@code engine} reads from; the component applies the engine's changes to it
     * @param clock the time each stanza is handled at
     * @param log receives one line per connection event (connected, lost, retrying, dropped input)
     * @throws UncheckedIOException if the system has no selector to give (out of file descriptors)
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
        ExternalComponent component;
        try {
            component = new ExternalComponent(settings, engine, store, clock, log, engineThreads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
        }
        try {
            component.engine.start(); // stores a newly created service secret first
        } catch (StoreUnavailableException e) {
            component.loop.discardUnstarted();
            throw e;
        }
        component.loop.start();
        component.link.start();
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
        if (!stopCalled.compareAndSet(false, true)) {
            return awaitOutcome();
        }
        CompletableFuture<Optional<ComponentConnection>> taken = new CompletableFuture<>();
        loop.execute(() -> taken.complete(link.stopLinking()));
        Optional<ComponentConnection> connected = taken.join();
        AtomicInteger presences = new AtomicInteger();
        Duration grace = settings.closeGrace();
        boolean engineStopped = engine.stopAfter(() -> presences.set(router.shutdown()), grace);
        if (connected.isEmpty()) {
            if (presences.get() > 0) {
                log.accept("shutting down while disconnected: " + presences.get() + " shutdown presence(s) not sent");
            }
        } else if (!engineStopped) {
            log.accept("the server is not reading; closing the connection without the shutdown presences");
            ComponentConnection connection = connected.get();
            loop.execute(() -> connection.abort("closed: the server did not read")); // ends the engine's wait
            engine.awaitStopped(grace);
        } else {
            log.accept("shutting down: sent " + presences.get() + " shutdown presence(s)");
            ComponentConnection connection = connected.get();
            loop.execute(connection::closeStream);
            if (!connection.awaitClosed(grace)) {
                log.accept("the server did not close the stream in time; closing the connection");
                loop.execute(() -> connection.abort("closed: the server did not close the stream"));
            }
        }
        loop.stop();
        loop.awaitStopped();
        outcome.complete(new Outcome.Stopped());
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

    /** The link and the router refer to each other: the link reads the router only once started. */
    private StanzaRouter router() {
        return router;
    }
}
