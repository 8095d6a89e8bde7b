package dev.mucengine.core.module;

import dev.mucengine.core.form.FormField;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/**
 * One field of the room configuration form (muc#roomconfig, XEP-0045 §10.2). A field owns its
 * {@code var}, its rendering from the room's current state and the parsing of a submitted value
 * into a {@link ConfigDraft}. A module lists its fields in {@link RoomModule#configFields()}; the
 * form shows the fields of every module, in module order.
 */
public interface ConfigField {

    /**
     * The field's {@code var}, e.g. {@code muc#roomconfig_roomname}. Unique among the fields of a
     * service's modules.
     *
     * @return the field's {@code var}
     */
    String var();

    /**
     * The field as offered to the owner: type, label, current value(s) and options.
     *
     * @param room the room whose configuration is shown
     * @return the field, showing the room's current value
     */
    FormField render(RoomView room);

    /**
     * Parses the values submitted for this field and records the result in {@code draft}. Called
     * only if the submission has the field. Nothing is applied to the room here: the draft is applied
     * once every field of the submission has been accepted.
     *
     * @param values the submitted values, possibly none
     * @param draft the submission being staged
     * @return empty if the values are acceptable, else the error to answer with (XEP-0045 §10.2:
     *     not-acceptable for a value the field refuses)
     */
    Optional<StanzaError> submit(List<String> values, ConfigDraft draft);
}
