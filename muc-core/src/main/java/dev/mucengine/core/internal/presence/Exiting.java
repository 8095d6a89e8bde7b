package dev.mucengine.core.internal.presence;

import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.xml.Node;
import java.util.EnumSet;
import java.util.List;

/**
 * An occupant leaves (XEP-0045 §7.14), or is dropped because its client bounced a stanza with an
 * error (§7.2.x, status 333). Everyone, the leaver last, gets the unavailable presence.
 */
public final class Exiting {

    /** The occupant sent unavailable presence; its status text goes along. */
    public void exit(Room room, Occupant occupant, Presence unavailable, Outbox out) {
        room.remove(occupant);
        OccupantPresence.broadcast(room, PresenceChange.unavailable(occupant, OccupantPresence.payloadOf(unavailable)),
                unavailable.id(), out);
    }

    /** The occupant's client answered a room stanza with an error: remove it with status 333. */
    public void removeAfterError(Room room, Occupant occupant, Outbox out) {
        room.remove(occupant);
        OccupantPresence.broadcast(room, PresenceChange.unavailable(occupant, List.<Node>of())
                .withCodes(EnumSet.of(StatusCode.REMOVED_ERROR)), out);
    }
}
