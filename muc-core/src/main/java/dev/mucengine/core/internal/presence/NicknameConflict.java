package dev.mucengine.core.internal.presence;

import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Whether a session may use a nickname in the room: not if another occupant uses it, nor if
 * another user reserved it (XEP-0045 §7.2.8, §7.6: conflict). Entering and changing nickname
 * both ask here.
 */
final class NicknameConflict {

    private NicknameConflict() {
    }

    static Optional<StanzaError> check(RoomView room, EntityFullJid user, Resourcepart nick) {
        Optional<Occupant> holder = room.occupant(nick);
        if (holder.isPresent() && !holder.get().realJid().equals(user)) {
            return Optional.of(StanzaError.of(Condition.CONFLICT)
                    .withText("That nickname is already in use by another occupant"));
        }
        if (room.reservedByOther(nick, user)) {
            return Optional.of(StanzaError.of(Condition.CONFLICT).withText("That nickname is reserved"));
        }
        return Optional.empty();
    }
}
