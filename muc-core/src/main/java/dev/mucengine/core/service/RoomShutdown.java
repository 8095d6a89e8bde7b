package dev.mucengine.core.service;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import java.util.EnumSet;
import java.util.List;

/**
 * Removes every occupant because the service is shutting down (XEP-0045 §11.2): each gets its
 * own unavailable presence with status 332, and only that.
 */
final class RoomShutdown {

    private RoomShutdown() {
    }

    static void evictAll(Room room, Outbox out) {
        for (Occupant occupant : List.copyOf(room.occupants())) {
            PresenceChange change = PresenceChange.unavailable(occupant, List.of())
                    .withCodes(EnumSet.of(StatusCode.REMOVED_SHUTDOWN));
            out.send(OccupantPresence.render(room, change, occupant));
            room.remove(occupant);
        }
    }
}
