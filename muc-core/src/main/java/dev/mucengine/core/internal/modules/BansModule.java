package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.module.JoinStage;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/** Outcasts may not enter (XEP-0045 §7.2.7: forbidden). */
final class BansModule implements RoomModule {

    @Override
    public String name() {
        return "bans";
    }

    @Override
    public Optional<StanzaError> checkJoin(JoinStage stage, RoomView room, JoinRequest request) {
        if (stage == JoinStage.ACCESS && request.privilege() == Affiliation.OUTCAST) {
            return Optional.of(StanzaError.of(Condition.FORBIDDEN).withText("You are banned from this room"));
        }
        return Optional.empty();
    }
}
