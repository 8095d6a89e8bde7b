package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Changing nickname (XEP-0045 §7.6): unavailable from the old nickname with 303 and the new
 * nickname, then available from the new one; refused with conflict if the nickname is taken or
 * reserved by someone else.
 */
final class NicknameChange {

    private NicknameChange() {
    }

    static void change(Room room, Occupant occupant, Presence presence, Resourcepart newNick, Outbox out) {
        Optional<StanzaError> refusal = NicknameConflict.checkChange(room, occupant, newNick);
        if (refusal.isPresent()) {
            out.send(presence.errorReply(refusal.get().withBy(room.jid().toString())));
            return;
        }
        // An occupant with several sessions is renamed as a whole: the nickname is the occupant's
        // (XEP-0045 §7.2.8 makes the sessions one occupant), and §7.6's two presences reach every
        // session with 110, as a service-initiated change would.
        Occupant shown = room.occupant(occupant.nick()).orElseThrow();
        PresenceChange leaving = PresenceChange.nickChange(shown, newNick);
        broadcastVisible(room, leaving, out);
        room.update(occupant.withPresence(presence));
        Occupant renamed = room.rename(occupant, newNick);
        broadcastVisible(room, PresenceChange.available(renamed), out);
    }

    private static void broadcastVisible(Room room, PresenceChange change, Outbox out) {
        if (room.config().presenceBroadcast().contains(change.occupant().role())) {
            OccupantPresence.toOthers(room, change, out);
        }
        for (Occupant session : room.sessions(change.occupant().nick())) {
            out.send(OccupantPresence.render(room, change, session));
        }
    }
}
