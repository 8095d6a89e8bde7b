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

    /**
     * Entering: the nickname may be another session's of the same user (XEP-0045 §7.2.8: the
     * service SHOULD then let the user in, one occupant with several sessions); any other user
     * gets conflict.
     */
    static Optional<StanzaError> checkEntry(RoomView room, EntityFullJid user, Resourcepart nick) {
        Optional<Occupant> holder = room.occupant(nick);
        if (holder.isPresent() && !holder.get().realJid().asBareJid().equals(user.asBareJid())) {
            return Optional.of(StanzaError.of(Condition.CONFLICT)
                    .withText("That nickname is already in use by another occupant"));
        }
        return checkReserved(room, user, nick);
    }

    /**
     * Changing nickname: the nickname must be free, or this occupant's own (a change of form);
     * taking the nickname of another occupant, even the same user's, would merge two occupants.
     */
    static Optional<StanzaError> checkChange(RoomView room, Occupant occupant, Resourcepart nick) {
        Optional<Occupant> holder = room.occupant(nick);
        if (holder.isPresent() && holder.get().joinSequence() != occupant.joinSequence()) {
            return Optional.of(StanzaError.of(Condition.CONFLICT)
                    .withText("That nickname is already in use by another occupant"));
        }
        return checkReserved(room, occupant.realJid(), nick);
    }

    private static Optional<StanzaError> checkReserved(RoomView room, EntityFullJid user, Resourcepart nick) {
        if (room.reservedByOther(nick, user)) {
            return Optional.of(StanzaError.of(Condition.CONFLICT).withText("That nickname is reserved"));
        }
        return Optional.empty();
    }
}
