package dev.mucengine.core.internal.room;

import java.util.Optional;

/**
 * Taking an occupant out of the room: leaving, kicks, bans, removals by configuration, error
 * bounces. The occupant is removed, then everyone is told, the occupant last.
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
        room.remove(change.occupant());
        OccupantPresence.broadcast(room, change, selfId, out);
    }
}
