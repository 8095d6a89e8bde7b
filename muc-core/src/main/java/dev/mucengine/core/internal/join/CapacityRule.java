package dev.mucengine.core.internal.join;

import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.ErrorType;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/**
 * A full room refuses with service-unavailable of type wait (XEP-0045 §7.1.9 in version 1.22,
 * §7.2.10 later: the user may retry once someone leaves); owners and admins are exempt from the
 * room's own maximum, nobody from the service limit.
 */
final class CapacityRule implements JoinRule {
    private static final StanzaError ROOM_FULL = StanzaError.of(ErrorType.WAIT, Condition.SERVICE_UNAVAILABLE);

    @Override
    public Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        int count = room.occupantCount();
        if (count >= context.limits().maxOccupantsPerRoom()) {
            return Optional.of(ROOM_FULL.withText("This room is full"));
        }
        int roomMax = room.config().maxUsers();
        if (roomMax > 0 && count >= roomMax && !request.privilege().isAdminOrOwner()) {
            return Optional.of(ROOM_FULL.withText("This room is full"));
        }
        return Optional.empty();
    }
}
