package dev.mucengine.server.component;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.stanza.Stanza;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Confines a {@link MucService} (not thread-safe) behind one lock. The lock is held while the
 * outputs are handed to {@code deliver}, so the outputs of one input are queued before the next
 * input's, and shutdown presences can never overtake (or be overtaken by) a join's.
 *
 * <p>After {@link #shutdown} every occupant has been told the room is gone, so later inputs are
 * ignored rather than letting someone join a service that is stopping.
 */
final class ConfinedEngine {

    private final MucService engine;
    private final RoomStore store;
    private boolean shutDown;

    ConfinedEngine(MucService engine, RoomStore store) {
        this.engine = engine;
        this.store = store;
    }

    synchronized void handle(Stanza stanza, Instant now, Consumer<Stanza> deliver) {
        if (shutDown) {
            return;
        }
        Effects effects = engine.handle(stanza, now);
        store.apply(effects.changes());
        effects.stanzas().forEach(deliver);
    }

    /** The engine's 332 presences, once; returns how many were delivered. */
    synchronized int shutdown(Consumer<Stanza> deliver) {
        if (shutDown) {
            return 0;
        }
        shutDown = true;
        List<Stanza> out = engine.shutdown().stanzas();
        out.forEach(deliver);
        return out.size();
    }
}
