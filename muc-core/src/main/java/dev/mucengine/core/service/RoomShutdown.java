package dev.mucengine.core.service;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import java.util.EnumSet;
import java.util.List;

/** Tells every occupant it has been removed because the service is shutting down (status 332). */
final class RoomShutdown {

    private RoomShutdown() {
    }

    static void evictAll(Room room, Outbox out) {
        for (Occupant occupant : List.copyOf(room.occupants())) {
            PresenceChange change = PresenceChange.unavailable(occupant, List.of())
                    .withCodes(EnumSet.of(StatusCode.REMOVED_SHUTDOWN));
            out.send(OccupantPresence.render(room, change, occupant));
        }
    }
}
