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
        Optional<StanzaError> refusal = NicknameConflict.check(room, occupant.realJid(), newNick);
        if (refusal.isPresent()) {
            out.send(presence.errorReply(refusal.get().withBy(room.jid().toString())));
            return;
        }
        PresenceChange leaving = PresenceChange.nickChange(occupant, newNick);
        Occupant renamed = occupant.withNick(newNick).withPresence(presence);
        broadcastVisible(room, leaving, occupant, out);
        room.update(renamed);
        broadcastVisible(room, PresenceChange.available(renamed), renamed, out);
    }

    private static void broadcastVisible(Room room, PresenceChange change, Occupant subject, Outbox out) {
        boolean visible = room.config().presenceBroadcast().contains(subject.role());
        for (Occupant recipient : room.occupants()) {
            if (!recipient.realJid().equals(subject.realJid()) && visible) {
                out.send(OccupantPresence.render(room, change, recipient));
            }
        }
        out.send(OccupantPresence.render(room, change, subject));
    }
}
