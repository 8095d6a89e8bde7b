package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/**
 * muc#roomconfig_passwordprotectedroom. Turning it off removes the password; turning it on needs
 * a secret (submitted with it, or already set), which {@link ConfigDraft#finish()} checks.
 */
public final class PasswordProtectedField implements ConfigField {

    public static final String VAR = "muc#roomconfig_passwordprotectedroom";

    @Override
    public String var() {
        return VAR;
    }

    @Override
    public FormField render(Room room) {
        return FormField.of(VAR, FieldType.BOOLEAN, "Password Required for Entry?",
                List.of(room.config().passwordProtected() ? "1" : "0"));
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        Optional<Boolean> value = Invalid.single(values).flatMap(DataForm::parseBoolean);
        if (value.isEmpty()) {
            return Invalid.value(VAR, "expected one boolean value");
        }
        draft.passwordProtected(value.get());
        return Optional.empty();
    }

    @Override
    public Optional<String> discoFeature(RoomConfig config) {
        return Optional.of(config.passwordProtected() ? "muc_passwordprotected" : "muc_unsecured");
    }
}
