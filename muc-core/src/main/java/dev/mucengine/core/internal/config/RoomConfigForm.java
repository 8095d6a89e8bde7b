package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.PmPolicy;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The muc#roomconfig form as an ordered list of {@link ConfigField}s: renders the form an owner
 * is offered, parses a submission into a new configuration (all fields or nothing) and lists the
 * disco features the configuration stands for.
 *
 * <p>The standard form follows the field order of XEP-0045 §10.2 and offers every field of the
 * §15.5.3 registry the engine supports, plus two fields outside the registry that the common
 * servers use: {@code muc#roomconfig_allowvoicerequests} and {@code muc#roomconfig_allowregister}.
 * Unknown fields in a submission are ignored (a client may fill in a form of another server).
 */
public final class RoomConfigForm {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("([A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)?");

    private final Map<String, ConfigField> fields = new LinkedHashMap<>();

    public RoomConfigForm(List<ConfigField> fields) {
        for (ConfigField f : fields) {
            if (this.fields.put(f.var(), f) != null) {
                throw new IllegalArgumentException("duplicate field " + f.var());
            }
        }
    }

    /** Every axis of {@link RoomConfig}, in the order of the XEP-0045 §10.2 example. */
    public static RoomConfigForm standard() {
        return new RoomConfigForm(List.of(
                new TextField("muc#roomconfig_roomname", "Natural-Language Room Name", RoomConfig::name,
                        RoomConfig.Builder::name, v -> true),
                new TextField("muc#roomconfig_roomdesc", "Short Description of Room", RoomConfig::description,
                        RoomConfig.Builder::description, v -> true),
                new TextField("muc#roomconfig_lang", "Natural Language for Room Discussions", RoomConfig::language,
                        RoomConfig.Builder::language, v -> LANGUAGE_TAG.matcher(v).matches()),
                BooleanField.of("muc#roomconfig_enablelogging", "Enable Public Logging?",
                        RoomConfig::enableLogging, RoomConfig.Builder::enableLogging),
                BooleanField.of("muc#roomconfig_changesubject", "Allow Occupants to Change Subject?",
                        RoomConfig::changeSubject, RoomConfig.Builder::changeSubject),
                BooleanField.of("muc#roomconfig_allowinvites", "Allow Occupants to Invite Others?",
                        RoomConfig::allowInvites, RoomConfig.Builder::allowInvites),
                new ChoiceField<>("muc#roomconfig_allowpm", "Who Can Send Private Messages?",
                        RoomConfig::allowPm, RoomConfig.Builder::allowPm, List.of(
                                new ChoiceField.Choice<>(PmPolicy.ANYONE.wireName(), "Anyone", PmPolicy.ANYONE),
                                new ChoiceField.Choice<>(PmPolicy.PARTICIPANTS.wireName(), "Anyone with Voice",
                                        PmPolicy.PARTICIPANTS),
                                new ChoiceField.Choice<>(PmPolicy.MODERATORS.wireName(), "Moderators Only",
                                        PmPolicy.MODERATORS),
                                new ChoiceField.Choice<>(PmPolicy.NONE.wireName(), "Nobody", PmPolicy.NONE)),
                        p -> Optional.empty()),
                new MaxUsersField(),
                new RoleListField("muc#roomconfig_presencebroadcast", "Roles for which Presence is Broadcasted",
                        RoomConfig::presenceBroadcast, RoomConfig.Builder::presenceBroadcast,
                        List.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR, Role.NONE),
                        RoomConfigForm::presenceLabel),
                new RoleListField("muc#roomconfig_getmemberlist",
                        "Roles and Affiliations that May Retrieve Member List",
                        RoomConfig::getMemberList, RoomConfig.Builder::getMemberList,
                        List.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR), RoomConfigForm::roleLabel),
                BooleanField.withFeatures("muc#roomconfig_publicroom", "Make Room Publicly Searchable?",
                        RoomConfig::publicRoom, RoomConfig.Builder::publicRoom, "muc_public", "muc_hidden"),
                BooleanField.withFeatures("muc#roomconfig_persistentroom", "Make Room Persistent?",
                        RoomConfig::persistent, RoomConfig.Builder::persistent, "muc_persistent", "muc_temporary"),
                BooleanField.withFeatures("muc#roomconfig_moderatedroom", "Make Room Moderated?",
                        RoomConfig::moderated, RoomConfig.Builder::moderated, "muc_moderated", "muc_unmoderated"),
                BooleanField.withFeatures("muc#roomconfig_membersonly", "Make Room Members-Only?",
                        RoomConfig::membersOnly, RoomConfig.Builder::membersOnly, "muc_membersonly", "muc_open"),
                new PasswordProtectedField(),
                new RoomSecretField(),
                new ChoiceField<>("muc#roomconfig_whois", "Who May Discover Real JIDs?",
                        RoomConfig::whois, RoomConfig.Builder::whois, List.of(
                                new ChoiceField.Choice<>(Whois.MODERATORS.wireName(), "Moderators Only",
                                        Whois.MODERATORS),
                                new ChoiceField.Choice<>(Whois.ANYONE.wireName(), "Anyone", Whois.ANYONE)),
                        w -> Optional.of(w == Whois.ANYONE ? "muc_nonanonymous" : "muc_semianonymous")),
                BooleanField.of("muc#roomconfig_allowvoicerequests", "Allow Visitors to Request Voice?",
                        RoomConfig::allowVoiceRequests, RoomConfig.Builder::allowVoiceRequests),
                BooleanField.of("muc#roomconfig_allowregister", "Allow Users to Register with the Room?",
                        RoomConfig::allowRegistration, RoomConfig.Builder::allowRegistration),
                AffiliationListField.admins(),
                AffiliationListField.owners()));
    }

    private static String roleLabel(Role role) {
        return switch (role) {
            case MODERATOR -> "Moderator";
            case PARTICIPANT -> "Participant";
            case VISITOR -> "Visitor";
            case NONE -> "None";
        };
    }

    private static String presenceLabel(Role role) {
        return role == Role.NONE ? "Offline Members" : roleLabel(role);
    }

    public List<ConfigField> fields() {
        return List.copyOf(fields.values());
    }

    /** The form offered to an owner ({@code type='form'}), showing the room's current configuration. */
    public DataForm render(Room room) {
        List<FormField> rendered = new ArrayList<>();
        rendered.add(FormField.formType(MucNamespaces.MUC_ROOMCONFIG));
        for (ConfigField f : fields.values()) {
            rendered.add(f.render(room));
        }
        return DataForm.of("form", rendered)
                .withTitle("Configuration for \"" + room.jid().getLocalpart() + "\" Room")
                .withInstructions("Complete this form to modify the configuration of your room.");
    }

    /**
     * Reads a submitted form ({@code type='submit'}). Fields absent from the submission keep their
     * values; an empty submission accepts the current configuration. Nothing is applied here.
     *
     * @return the new configuration and owner/admin changes, or the error to answer with:
     *     bad-request for a FORM_TYPE other than muc#roomconfig or a field submitted twice,
     *     not-acceptable (or jid-malformed) for a value a field refuses
     */
    public ConfigDraft.Outcome parse(DataForm submitted, Room room, RoomContext context) {
        Optional<String> formType = submitted.formType();
        if (formType.isPresent() && !formType.get().equals(MucNamespaces.MUC_ROOMCONFIG)) {
            return rejected(Condition.BAD_REQUEST, "FORM_TYPE must be " + MucNamespaces.MUC_ROOMCONFIG);
        }
        ConfigDraft draft = new ConfigDraft(room, context.limits());
        Set<String> seen = new HashSet<>();
        for (FormField f : submitted.fields()) {
            if (!seen.add(f.var())) {
                return rejected(Condition.BAD_REQUEST, "field submitted twice: " + f.var());
            }
            ConfigField field = fields.get(f.var());
            if (field == null) {
                continue;
            }
            Optional<StanzaError> error = field.submit(f.values(), draft);
            if (error.isPresent()) {
                return new ConfigDraft.Rejected(error.get());
            }
        }
        return draft.finish();
    }

    /** The disco#info features of this configuration, in field order. */
    public List<String> discoFeatures(RoomConfig config) {
        List<String> features = new ArrayList<>();
        for (ConfigField f : fields.values()) {
            f.discoFeature(config).ifPresent(features::add);
        }
        return features;
    }

    private static ConfigDraft.Outcome rejected(Condition condition, String text) {
        return new ConfigDraft.Rejected(StanzaError.of(condition).withText(text));
    }
}
