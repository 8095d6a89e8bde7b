package dev.mucengine.core.internal.owner;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.muc.Destroy;
import dev.mucengine.core.room.Occupant;
import java.util.List;

/**
 * Destroys a room (XEP-0045 §10.9): every occupant, in join order, is told of its own removal
 * only, by unavailable presence carrying {@code <destroy/>} (with the alternate venue and reason
 * when given), its item with role none and status 110; then the room is emptied and marked
 * destroyed. Used by the owner's muc#owner request, by cancelling a new room's configuration and
 * by a service administrator's command. Sends no iq reply: the caller answers its own request.
 */
public final class RoomDestruction {

    private RoomDestruction() {
    }

    public static void destroy(Room room, Destroy destroy, Outbox out) {
        List<Occupant> occupants = List.copyOf(room.occupants());
        for (Occupant occupant : occupants) {
            PresenceChange change = PresenceChange.unavailable(occupant, List.of()).withDestroy(destroy);
            out.send(OccupantPresence.render(room, change, occupant));
        }
        for (Occupant occupant : occupants) {
            room.remove(occupant);
        }
        room.markDestroyed();
    }
}
