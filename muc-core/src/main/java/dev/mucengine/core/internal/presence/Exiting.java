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
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An occupant leaves (XEP-0045 §7.14), or is dropped because its client bounced a stanza with an
 * error (§11.1, status 333). Everyone, the leaver last, gets the unavailable presence; but when
 * the occupant keeps other sessions, only the session that left does.
 */
public final class Exiting {

    private Exiting() {
    }

    /** The occupant sent unavailable presence; its status text goes along, and its copy has the request's id. */
    static void exit(Room room, Occupant occupant, Presence unavailable, Outbox out) {
        if (room.sessions(occupant.nick()).size() > 1) {
            leaveSession(room, occupant, OccupantPresence.payloadOf(unavailable), Set.of(), unavailable.id(), out);
            return;
        }
        Removal.remove(room, PresenceChange.unavailable(occupant, OccupantPresence.payloadOf(unavailable)),
                unavailable.id(), out);
    }

    /** The occupant's client answered a room stanza with an error: remove it with status 333. */
    public static void removeAfterError(Room room, Occupant occupant, Outbox out) {
        if (room.sessions(occupant.nick()).size() > 1) {
            // Only the session whose client bounced is gone; the occupant stays with the others.
            leaveSession(room, occupant, List.of(), EnumSet.of(StatusCode.REMOVED_ERROR), Optional.empty(), out);
            return;
        }
        Removal.remove(room, PresenceChange.unavailable(occupant, List.of())
                .withCodes(EnumSet.of(StatusCode.REMOVED_ERROR)), out);
    }

    /**
     * One session of an occupant that keeps others leaves: it alone gets its unavailable presence
     * (110, with its request's id); the others hear of it only if the occupant's shown presence
     * changes (XEP-0045 §7.2.8: the occupant is still in the room).
     */
    private static void leaveSession(Room room, Occupant session, List<Node> payload, Set<StatusCode> codes,
            Optional<String> selfId, Outbox out) {
        Occupant shownBefore = room.occupant(session.nick()).orElseThrow();
        room.removeSession(session);
        Presence self = OccupantPresence.render(room, PresenceChange.unavailable(session, payload).withCodes(codes),
                session);
        out.send(selfId.map(self::withId).orElse(self));
        SessionPresence.announceIfChanged(room, shownBefore, Optional.empty(), out);
    }
}
