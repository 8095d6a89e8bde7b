package dev.mucengine.core.room.join;

import dev.mucengine.core.room.Room;
import dev.mucengine.core.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/**
 * A full room refuses with service-unavailable (XEP-0045 §7.2.10); owners and admins are exempt
 * from the room's own maximum, nobody from the service limit.
 */
final class CapacityRule implements JoinRule {
    @Override
    public Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        int count = room.occupantCount();
        if (count >= context.limits().maxOccupantsPerRoom()) {
            return Optional.of(StanzaError.of(Condition.SERVICE_UNAVAILABLE).withText("This room is full"));
        }
        int roomMax = room.config().maxUsers();
        if (roomMax > 0 && count >= roomMax && !request.privilege().isAdminOrOwner()) {
            return Optional.of(StanzaError.of(Condition.SERVICE_UNAVAILABLE).withText("This room is full"));
        }
        return Optional.empty();
    }
}
