package dev.mucengine.core.internal.join;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/** A room awaiting its initial configuration admits only its owners (XEP-0045 §10.1.1). */
final class LockedRoomRule implements JoinRule {
    @Override
    public Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        if (room.locked() && request.privilege() != Affiliation.OWNER) {
            return Optional.of(StanzaError.of(Condition.ITEM_NOT_FOUND)
                    .withText("This room is locked until its owner configures it"));
        }
        return Optional.empty();
    }
}
