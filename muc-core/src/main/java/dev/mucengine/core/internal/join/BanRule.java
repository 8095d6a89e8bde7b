package dev.mucengine.core.internal.join;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/** Outcasts may not enter (XEP-0045 §7.2.7: forbidden). */
final class BanRule implements JoinRule {
    @Override
    public Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        if (request.privilege() == Affiliation.OUTCAST) {
            return Optional.of(StanzaError.of(Condition.FORBIDDEN).withText("You are banned from this room"));
        }
        return Optional.empty();
    }
}
