package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.module.JoinStage;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.ErrorType;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/**
 * A room's own maximum of occupants (XEP-0045 §7.2.9): a full room refuses with
 * service-unavailable of type wait (the user may retry once someone leaves). Owners and admins
 * are exempt; nobody is exempt from the service's limit, which the engine applies first.
 */
final class MaxUsersModule implements RoomModule {

    @Override
    public String name() {
        return "max-users";
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(new MaxUsersField());
    }

    @Override
    public Optional<StanzaError> checkJoin(JoinStage stage, RoomView room, JoinRequest request) {
        int max = room.config().maxUsers();
        if (stage == JoinStage.CAPACITY && max > 0 && room.occupantCount() >= max
                && !request.privilege().isAdminOrOwner()) {
            return Optional.of(StanzaError.of(ErrorType.WAIT, Condition.SERVICE_UNAVAILABLE)
                    .withText("This room is full"));
        }
        return Optional.empty();
    }
}
