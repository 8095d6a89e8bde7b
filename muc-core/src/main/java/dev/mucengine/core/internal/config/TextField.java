package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A text-single axis (room name, description, language). No value reads as the empty string;
 * more than one value, a value longer than the service's text limit or one the field's own check
 * refuses is not-acceptable.
 */
public final class TextField implements ConfigField {

    private final String var;
    private final String label;
    private final Function<RoomConfig, String> read;
    private final BiConsumer<RoomConfigBuilder, String> write;
    private final Predicate<String> acceptable;

    public TextField(String var, String label, Function<RoomConfig, String> read,
            BiConsumer<RoomConfigBuilder, String> write, Predicate<String> acceptable) {
        this.var = var;
        this.label = label;
        this.read = read;
        this.write = write;
        this.acceptable = acceptable;
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(RoomView room) {
        String value = read.apply(room.config());
        return FormField.of(var, FieldType.TEXT_SINGLE, label, value.isEmpty() ? List.of() : List.of(value));
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        if (values.size() > 1) {
            return Invalid.value(var, "expected at most one value");
        }
        String value = values.isEmpty() ? "" : values.get(0).strip();
        if (value.length() > draft.limits().maxSubjectLength()) {
            return Invalid.value(var, "too long");
        }
        if (!acceptable.test(value)) {
            return Invalid.value(var, "unacceptable value");
        }
        write.accept(draft.config(), value);
        return Optional.empty();
    }
}
