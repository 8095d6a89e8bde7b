package dev.mucengine.server.component;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.EngineInbox;
import dev.mucengine.server.SelectorLoop;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The component's one link to the server, over time: connects ({@link ComponentConnection}),
 * reconnects with backoff after a failed attempt or a lost connection, gives up after a
 * permanent rejection, and stops. What the server sends goes to the engine through one
 * {@link EngineInbox} for all connections, so stanzas read before a reconnection are handled
 * before those read after it; while the engine is full the current connection stops reading.
 * Everything runs on the component's {@link SelectorLoop} (retries are its timers, not sleeps),
 * but for {@link #toServer}, which the engine threads call.
 */
final class ComponentLink implements ComponentConnection.Events {

    private final ComponentSettings settings;
    private final SelectorLoop loop;
    private final Consumer<Stanza> toService;
    private final Consumer<String> log;
    private final Consumer<String> gaveUp;
    private final EngineInbox inbox;
    private final String address;
    /** The authenticated connection, for the engine threads; null while there is none. */
    private volatile @Nullable ComponentConnection current;

    // The loop's thread only.
    private @Nullable ComponentConnection attempt;
    private int failures;
    private boolean stopping;

    /**
     * @param toService hands a stanza from the server to the engine (runs on its partition's thread)
     * @param log receives one line per connection event
     * @param gaveUp told why, when the server refused us for good
     */
    ComponentLink(ComponentSettings settings, SelectorLoop loop, ConfinedEngine engine, Consumer<Stanza> toService,
            Consumer<String> log, Consumer<String> gaveUp) {
        this.settings = settings;
        this.loop = loop;
        this.toService = toService;
        this.log = log;
        this.gaveUp = gaveUp;
        this.inbox = new EngineInbox(engine, loop, this::engineCaughtUp);
        this.address = settings.host() + ":" + settings.port();
    }

    /** Any thread: the first connection attempt, soon. */
    void start() {
        loop.execute(this::connect);
    }

    /**
     * The router's destination (engine threads): everything the engine sends goes to the server,
     * if connected; waits while the server does not read.
     */
    List<Stanza> toServer(Stanza stanza) {
        ComponentConnection connection = current;
        if (connection != null) {
            connection.send(stanza);
        }
        return List.of();
    }

    /**
     * Loop thread: no more attempts; one under way is abandoned. Returns the authenticated
     * connection, if any, for a clean shutdown.
     */
    Optional<ComponentConnection> stopLinking() {
        stopping = true;
        ComponentConnection pending = attempt;
        if (pending != null && pending != current) {
            pending.abort("stopping"); // nothing was joined over it yet
        }
        return Optional.ofNullable(current);
    }

    @Override
    public void authenticated(ComponentConnection connection) {
        failures = 0;
        current = connection;
        log.accept("connected to " + address + " as " + settings.domain());
    }

    @Override
    public boolean received(Element element) {
        StanzaResult parsed = Stanza.parse(element);
        if (parsed instanceof StanzaResult.Valid valid) {
            Stanza stanza = valid.stanza();
            // Straight to the room's partition; one room's stanzas keep the server's order.
            inbox.submit(stanza.to().orElse(settings.domain()), () -> toService.accept(stanza), () -> { });
            return !inbox.waiting();
        }
        // The server stamps addresses; a malformed one has no sender we could answer.
        log.accept("dropped an unusable <" + element.localName() + "/>: "
                + ((StanzaResult.Invalid) parsed).error().condition());
        return true;
    }

    @Override
    public void ended(ComponentConnection connection, String reason,
            Optional<HandshakeRejectedException> rejection) {
        if (connection != attempt) {
            return;
        }
        attempt = null;
        boolean wasConnected = connection == current;
        if (wasConnected) {
            current = null;
        }
        if (stopping) {
            if (wasConnected) {
                log.accept("disconnected: " + reason);
            }
            return;
        }
        if (rejection.isPresent() && rejection.get().isPermanent()) {
            log.accept(reason + "; giving up");
            gaveUp.accept(reason);
            return;
        }
        retryLater(wasConnected ? "connection lost: " + reason
                : rejection.isPresent() ? reason : "cannot connect to " + address + ": " + reason);
    }

    private void connect() {
        if (stopping) {
            return;
        }
        try {
            attempt = ComponentConnection.open(settings, loop, this);
        } catch (IOException e) {
            retryLater("cannot connect to " + address + ": " + e.getMessage());
        }
    }

    private void retryLater(String why) {
        failures++;
        long millis = settings.reconnect().delayAfter(failures).toMillis();
        log.accept(why + "; retrying in " + millis + " ms");
        loop.schedule(millis * 1_000_000L, this::connect);
    }

    /** The engine took every stanza that waited for room: the connection reads on. */
    private void engineCaughtUp() {
        ComponentConnection connection = current;
        if (connection != null) {
            connection.resume();
        }
    }
}
