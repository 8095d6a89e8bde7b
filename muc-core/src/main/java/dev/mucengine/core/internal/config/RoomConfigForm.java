package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.room.Modules;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The muc#roomconfig form (XEP-0045 §10.2) assembled from the room modules' fields, in module
 * order: renders the form an owner is offered and parses a submission into a new configuration,
 * all fields or nothing. Unknown fields in a submission are ignored (a client may fill in a form
 * of another server).
 */
public final class RoomConfigForm {

    private final Map<String, ConfigField> fields = new LinkedHashMap<>();
    private final Modules modules;

    public RoomConfigForm(Modules modules) {
        this.modules = modules;
        for (ConfigField f : modules.configFields()) {
            fields.put(f.var(), f);
        }
    }

    /** The form offered to an owner ({@code type='form'}), showing the room's current configuration. */
    public DataForm render(RoomView room) {
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
     * @return the new configuration and affiliation changes, or the error to answer with:
     *     bad-request for a FORM_TYPE other than muc#roomconfig or a field submitted twice,
     *     not-acceptable (or jid-malformed) for a value a field refuses
     */
    public ConfigDraft.Outcome parse(DataForm submitted, RoomView room, Limits limits) {
        Optional<String> formType = submitted.formType();
        if (formType.isPresent() && !formType.get().equals(MucNamespaces.MUC_ROOMCONFIG)) {
            return rejected(Condition.BAD_REQUEST, "FORM_TYPE must be " + MucNamespaces.MUC_ROOMCONFIG);
        }
        ConfigDraft draft = new ConfigDraft(room, limits);
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
        Optional<StanzaError> refusal = modules.finishConfiguration(draft);
        if (refusal.isPresent()) {
            return new ConfigDraft.Rejected(refusal.get());
        }
        return draft.accepted();
    }

    private static ConfigDraft.Outcome rejected(Condition condition, String text) {
        return new ConfigDraft.Rejected(StanzaError.of(condition).withText(text));
    }
}
