package dev.mucengine.core.internal.modules;

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
 * muc#roomconfig_roomsecret (text-private). A value sets the password; an empty field or an
 * empty value removes it. The owner is shown the current password, so that submitting the form
 * back unchanged keeps it.
 */
final class RoomSecretField implements ConfigField {

    static final String VAR = "muc#roomconfig_roomsecret";

    @Override
    public String var() {
        return VAR;
    }

    @Override
    public FormField render(RoomView room) {
        return FormField.of(VAR, FieldType.TEXT_PRIVATE, "Password",
                room.config().password().map(List::of).orElse(List.of()));
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        if (values.size() > 1) {
            return Invalid.value(VAR, "expected at most one value");
        }
        String secret = values.isEmpty() ? "" : values.get(0);
        if (secret.length() > draft.limits().maxSubjectLength()) {
            return Invalid.value(VAR, "too long");
        }
        draft.note(PasswordModule.SECRET, secret);
        return Optional.empty();
    }
}
