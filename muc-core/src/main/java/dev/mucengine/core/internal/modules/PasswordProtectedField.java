package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.config.Invalid;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/**
 * muc#roomconfig_passwordprotectedroom. Turning it off removes the password; turning it on needs
 * a secret (submitted with it, or already set), which {@link PasswordModule#finishConfiguration}
 * checks.
 */
final class PasswordProtectedField implements ConfigField {

    static final String VAR = "muc#roomconfig_passwordprotectedroom";

    @Override
    public String var() {
        return VAR;
    }

    @Override
    public FormField render(RoomView room) {
        return FormField.of(VAR, FieldType.BOOLEAN, "Password Required for Entry?",
                List.of(room.config().passwordProtected() ? "1" : "0"));
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        Optional<Boolean> value = Invalid.single(values).flatMap(DataForm::parseBoolean);
        if (value.isEmpty()) {
            return Invalid.value(VAR, "expected one boolean value");
        }
        draft.note(PasswordModule.PROTECTED, value.get());
        return Optional.empty();
    }
}
