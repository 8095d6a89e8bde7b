package dev.mucengine.core.internal.join;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/** Members-only rooms admit members, admins and owners (XEP-0045 §7.2.5: registration-required). */
final class MembersOnlyRule implements JoinRule {
    @Override
    public Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        if (room.config().membersOnly() && !request.privilege().atLeast(Affiliation.MEMBER)) {
            return Optional.of(StanzaError.of(Condition.REGISTRATION_REQUIRED)
                    .withText("This room is members-only"));
        }
        return Optional.empty();
    }
}
