package dev.mucengine.core.internal.room;

import dev.mucengine.core.room.Occupant;
import java.util.List;
import java.util.Optional;

/**
 * Taking an occupant out of the room: leaving, kicks, bans, removals by configuration, error
 * bounces. The occupant is removed with all its sessions, then everyone is told, the occupant's
 * sessions last. One session leaving an occupant that keeps others is {@code SessionExit}'s.
 */
public final class Removal {

    private Removal() {
    }

    /** Removes {@code change}'s occupant and broadcasts {@code change}. */
    public static void remove(Room room, PresenceChange change, Outbox out) {
        remove(room, change, Optional.empty(), out);
    }

    /**
     * As {@link #remove(Room, PresenceChange, Outbox)}; the occupant's own copy carries
     * {@code selfId}, the id of its leave request.
     */
    public static void remove(Room room, PresenceChange change, Optional<String> selfId, Outbox out) {
        if (room.occupantByRealJid(change.occupant().realJid()).isEmpty()) {
            return; // removed already, with another session of the same occupant
        }
        List<Occupant> sessions = room.remove(change.occupant());
        OccupantPresence.broadcast(room, change, selfId,
                sessions.isEmpty() ? List.of(change.occupant()) : sessions, out);
    }
}
