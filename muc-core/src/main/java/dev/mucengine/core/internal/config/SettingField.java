package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/**
 * A boolean configuration field of a module, kept in the room's settings
 * ({@link RoomConfig#setting}) as {@code 1} or {@code 0}; a room that never set it has
 * {@code defaultValue}. Anything but one XEP-0004 boolean is not-acceptable.
 */
public final class SettingField implements ConfigField {

    private final String var;
    private final String label;
    private final boolean defaultValue;

    public SettingField(String var, String label, boolean defaultValue) {
        this.var = var;
        this.label = label;
        this.defaultValue = defaultValue;
    }

    /** The field's value in this configuration. */
    public boolean isOn(RoomConfig config) {
        List<String> values = config.setting(var, List.of());
        return values.isEmpty() ? defaultValue : DataForm.parseBoolean(values.get(0)).orElse(defaultValue);
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(RoomView room) {
        return FormField.of(var, FieldType.BOOLEAN, label, List.of(isOn(room.config()) ? "1" : "0"));
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        Optional<Boolean> value = Invalid.single(values).flatMap(DataForm::parseBoolean);
        if (value.isEmpty()) {
            return Invalid.value(var, "expected one boolean value");
        }
        // Submitting the value the room already has (its default, say) is no change (no 104).
        if (value.get() != isOn(draft.room().config())) {
            draft.config().setting(var, List.of(value.get() ? "1" : "0"));
        }
        return Optional.empty();
    }
}
