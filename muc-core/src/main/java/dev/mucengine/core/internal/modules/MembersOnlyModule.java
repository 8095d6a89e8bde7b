package dev.mucengine.core.internal.modules;

import dev.mucengine.core.internal.config.BooleanField;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.module.JoinStage;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Members-only rooms (XEP-0045 §7.2.6): only members, admins and owners enter (others get
 * registration-required); when a room becomes members-only, the occupants who are not members
 * are removed with status 322 (§10.2). (That an occupant whose membership is revoked leaves such
 * a room, with 321, is part of the affiliation rules, §9.4.)
 */
final class MembersOnlyModule implements RoomModule {

    private static final ConfigField FIELD = new BooleanField("muc#roomconfig_membersonly",
            "Make Room Members-Only?", RoomConfig::membersOnly, RoomConfigBuilder::membersOnly);

    @Override
    public String name() {
        return "members-only";
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(FIELD);
    }

    @Override
    public List<String> roomTypes(RoomView room) {
        return List.of(room.config().membersOnly() ? "muc_membersonly" : "muc_open");
    }

    @Override
    public Optional<StanzaError> checkJoin(JoinStage stage, RoomView room, JoinRequest request) {
        if (stage == JoinStage.ACCESS && room.config().membersOnly()
                && !request.privilege().atLeast(Affiliation.MEMBER)) {
            return Optional.of(StanzaError.of(Condition.REGISTRATION_REQUIRED).withText("This room is members-only"));
        }
        return Optional.empty();
    }

    @Override
    public void configured(ModuleContext context, RoomConfig before, RoomConfig after) {
        if (before.membersOnly() || !after.membersOnly()) {
            return;
        }
        for (Occupant occupant : List.copyOf(context.room().occupants())) {
            if (!context.privilege(occupant.realJid()).atLeast(Affiliation.MEMBER)) {
                context.removeOccupant(occupant, EnumSet.of(StatusCode.REMOVED_MEMBERS_ONLY));
            }
        }
    }
}
