package dev.mucengine.core.internal.modules;

import dev.mucengine.core.internal.archive.ArchiveModule;
import dev.mucengine.core.internal.moderation.ModerationModule;
import dev.mucengine.core.internal.config.BooleanField;
import dev.mucengine.core.internal.config.ChoiceField;
import dev.mucengine.core.internal.config.RoleListField;
import dev.mucengine.core.internal.config.TextField;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.module.StandardModules;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.PmPolicy;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.Whois;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The engine's own room features as modules, in the order that gives the configuration form the
 * field order of the XEP-0045 §10.2 example and disco#info the order of §6.4.
 */
public final class BuiltInModules {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("([A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)?");

    private BuiltInModules() {
    }

    /** Every built-in module; see {@link dev.mucengine.core.module.StandardModules} for the names. */
    public static List<RoomModule> all() {
        return List.of(
                new BansModule(),
                new SettingsModule("description",
                        new TextField("muc#roomconfig_roomname", "Natural-Language Room Name", RoomConfig::name,
                                RoomConfigBuilder::name, v -> true),
                        new TextField("muc#roomconfig_roomdesc", "Short Description of Room", RoomConfig::description,
                                RoomConfigBuilder::description, v -> true),
                        new TextField("muc#roomconfig_lang", "Natural Language for Room Discussions",
                                RoomConfig::language, RoomConfigBuilder::language,
                                v -> LANGUAGE_TAG.matcher(v).matches())),
                new SettingsModule("logging", new BooleanField("muc#roomconfig_enablelogging",
                        "Enable Public Logging?", RoomConfig::enableLogging, RoomConfigBuilder::enableLogging)),
                new SettingsModule("subject", new BooleanField("muc#roomconfig_changesubject",
                        "Allow Occupants to Change Subject?", RoomConfig::changeSubject,
                        RoomConfigBuilder::changeSubject)),
                new SettingsModule("invitations", new BooleanField("muc#roomconfig_allowinvites",
                        "Allow Occupants to Invite Others?", RoomConfig::allowInvites,
                        RoomConfigBuilder::allowInvites)),
                new SettingsModule("private-messages", new ChoiceField<>("muc#roomconfig_allowpm",
                        "Who Can Send Private Messages?", RoomConfig::allowPm, RoomConfigBuilder::allowPm, List.of(
                                new ChoiceField.Choice<>(PmPolicy.ANYONE.wireName(), "Anyone", PmPolicy.ANYONE),
                                new ChoiceField.Choice<>(PmPolicy.PARTICIPANTS.wireName(), "Anyone with Voice",
                                        PmPolicy.PARTICIPANTS),
                                new ChoiceField.Choice<>(PmPolicy.MODERATORS.wireName(), "Moderators Only",
                                        PmPolicy.MODERATORS),
                                new ChoiceField.Choice<>(PmPolicy.NONE.wireName(), "Nobody", PmPolicy.NONE)))),
                new MaxUsersModule(),
                new SettingsModule("presence-broadcast", new RoleListField("muc#roomconfig_presencebroadcast",
                        "Roles for which Presence is Broadcasted", RoomConfig::presenceBroadcast,
                        RoomConfigBuilder::presenceBroadcast,
                        List.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR, Role.NONE),
                        role -> role == Role.NONE ? "Offline Members" : roleLabel(role))),
                new SettingsModule("member-list", new RoleListField("muc#roomconfig_getmemberlist",
                        "Roles and Affiliations that May Retrieve Member List", RoomConfig::getMemberList,
                        RoomConfigBuilder::getMemberList, List.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR),
                        BuiltInModules::roleLabel)),
                SettingsModule.withRoomType("public", new BooleanField("muc#roomconfig_publicroom",
                        "Make Room Publicly Searchable?", RoomConfig::publicRoom, RoomConfigBuilder::publicRoom),
                        RoomConfig::publicRoom, "muc_public", "muc_hidden"),
                SettingsModule.withRoomType("persistent", new BooleanField("muc#roomconfig_persistentroom",
                        "Make Room Persistent?", RoomConfig::persistent, RoomConfigBuilder::persistent),
                        RoomConfig::persistent, "muc_persistent", "muc_temporary"),
                SettingsModule.withRoomType("moderated", new BooleanField("muc#roomconfig_moderatedroom",
                        "Make Room Moderated?", RoomConfig::moderated, RoomConfigBuilder::moderated),
                        RoomConfig::moderated, "muc_moderated", "muc_unmoderated"),
                new MembersOnlyModule(),
                new PasswordModule(),
                SettingsModule.withRoomType("whois", new ChoiceField<>("muc#roomconfig_whois",
                        "Who May Discover Real JIDs?", RoomConfig::whois, RoomConfigBuilder::whois, List.of(
                                new ChoiceField.Choice<>(Whois.MODERATORS.wireName(), "Moderators Only",
                                        Whois.MODERATORS),
                                new ChoiceField.Choice<>(Whois.ANYONE.wireName(), "Anyone", Whois.ANYONE))),
                        RoomConfig::nonAnonymous, "muc_nonanonymous", "muc_semianonymous"),
                new VoiceRequestsModule(),
                new RegistrationModule(),
                new ArchiveModule(),
                new OccupantIdModule(),
                new SelfPingModule(),
                new ModerationModule(),
                new OwnerModule(),
                new AdminModule(),
                new HistoryModule(),
                new RoomVcardModule(),
                new DiscoModule());
    }

    private static String roleLabel(Role role) {
        return switch (role) {
            case MODERATOR -> "Moderator";
            case PARTICIPANT -> "Participant";
            case VISITOR -> "Visitor";
            case NONE -> "None";
        };
    }
}
