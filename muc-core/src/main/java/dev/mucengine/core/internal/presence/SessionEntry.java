package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * Another client of a user enters under the nickname that user already has in the room
 * (XEP-0045 §7.2.8: the service SHOULD let the user have several in-room sessions with one
 * nickname). The session joins the occupant: same nickname, role and place. It gets the room as a
 * newcomer does (occupants, its own presence with 110, history, subject); the others learn of it
 * only if the occupant's shown presence, that of its most available session, changes.
 */
final class SessionEntry {

    private SessionEntry() {
    }

    static void enter(Room room, Occupant occupant, Presence presence, EntityFullJid user, RoomContext context,
            Outbox out) {
        Occupant shownBefore = room.occupant(occupant.nick()).orElseThrow();
        Occupant session = room.add(new Occupant(occupant.nick(), user, occupant.role(), presence, 0));
        Entering.sendRoomTo(room, session, out);
        SessionPresence.announceIfChanged(room, shownBefore, Optional.of(session), out);
        out.send(OccupantPresence.render(room,
                PresenceChange.available(session).withCodes(Entering.roomCodes(room)), session));
        Entering.welcome(room, session, presence, context, out);
    }
}
