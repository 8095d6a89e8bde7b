package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/**
 * One field of the room configuration form. A field owns its var, its label, its rendering from
 * the room's current state, the parsing of a submitted value and, if the axis it configures is
 * advertised, its service discovery feature.
 */
public interface ConfigField {

    /** The field's {@code var}, e.g. {@code muc#roomconfig_roomname}. */
    String var();

    /** The field as offered to the owner: type, label, current value(s) and options. */
    FormField render(Room room);

    /**
     * Parses the values submitted for this field and records the result in {@code draft}. Must not
     * touch the room: the draft is only applied once every field of the submission has been accepted.
     *
     * @return empty if the values are acceptable, else the error to answer with
     */
    Optional<StanzaError> submit(List<String> values, ConfigDraft draft);

    /** The disco#info feature ({@code muc_public}, {@code muc_hidden}...) for this configuration, if any. */
    default Optional<String> discoFeature(RoomConfig config) {
        return Optional.empty();
    }
}
