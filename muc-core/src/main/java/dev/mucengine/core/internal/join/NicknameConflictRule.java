package dev.mucengine.core.internal.join;

import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * A nickname in use by someone else, or reserved by another user, is a conflict (XEP-0045 §7.2.8,
 * §7.2.9).
 */
public final class NicknameConflictRule implements JoinRule {
    @Override
    public Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        Optional<Occupant> holder = room.occupant(request.nick());
        if (holder.isPresent() && !holder.get().realJid().equals(request.user())) {
            return Optional.of(StanzaError.of(Condition.CONFLICT)
                    .withText("That nickname is already in use by another occupant"));
        }
        Optional<Jid> reservedBy = room.reservedBy(request.nick());
        if (reservedBy.isPresent() && !reservedBy.get().equals(request.user().asBareJid())) {
            return Optional.of(StanzaError.of(Condition.CONFLICT).withText("That nickname is reserved"));
        }
        return Optional.empty();
    }
}
