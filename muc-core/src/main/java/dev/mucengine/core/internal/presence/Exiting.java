package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Removal;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import java.util.EnumSet;
import java.util.List;

/**
 * An occupant leaves (XEP-0045 §7.14), or is dropped because its client bounced a stanza with an
 * error (§11.1, status 333). Everyone, the leaver last, gets the unavailable presence.
 */
public final class Exiting {

    private Exiting() {
    }

    /** The occupant sent unavailable presence; its status text goes along, and its copy has the request's id. */
    static void exit(Room room, Occupant occupant, Presence unavailable, Outbox out) {
        Removal.remove(room, PresenceChange.unavailable(occupant, OccupantPresence.payloadOf(unavailable)),
                unavailable.id(), out);
    }

    /** The occupant's client answered a room stanza with an error: remove it with status 333. */
    public static void removeAfterError(Room room, Occupant occupant, Outbox out) {
        Removal.remove(room, PresenceChange.unavailable(occupant, List.of())
                .withCodes(EnumSet.of(StatusCode.REMOVED_ERROR)), out);
    }
}
