package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.module.JoinStage;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.ErrorType;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/**
 * The checks on entering a room, stage by stage ({@link JoinStage}): at each stage the engine's
 * own check, then the modules'. The first refusal is the answer.
 */
final class JoinChecks {

    private JoinChecks() {
    }

    static Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        // Another session of an occupant (XEP-0045 §7.2.8) adds no occupant: the room's and
        // the service's capacity do not apply to it. Access (bans, members-only, password) does.
        boolean newOccupant = room.occupant(request.nick()).isEmpty();
        for (JoinStage stage : JoinStage.values()) {
            if (stage == JoinStage.CAPACITY && !newOccupant) {
                continue;
            }
            Optional<StanzaError> refusal = engineCheck(stage, room, request, context);
            if (refusal.isEmpty()) {
                refusal = room.modules().checkJoin(stage, room, request);
            }
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<StanzaError> engineCheck(JoinStage stage, Room room, JoinRequest request,
            RoomContext context) {
        return switch (stage) {
            case ACCESS -> room.locked() && request.privilege() != Affiliation.OWNER
                    // §7.2.10: a room awaiting its initial configuration admits only its owners.
                    ? Optional.of(StanzaError.of(Condition.ITEM_NOT_FOUND)
                            .withText("This room is locked until its owner configures it"))
                    : Optional.empty();
            case NICKNAME -> NicknameConflict.checkEntry(room, request.user(), request.nick());
            case CAPACITY -> room.occupantCount() >= context.limits().maxOccupantsPerRoom()
                    // §7.2.9: the service's own limit; nobody is exempt.
                    ? Optional.of(StanzaError.of(ErrorType.WAIT, Condition.SERVICE_UNAVAILABLE)
                            .withText("This room is full"))
                    : Optional.empty();
        };
    }
}
