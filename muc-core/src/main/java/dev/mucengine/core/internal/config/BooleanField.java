package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.DataForm;
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
import java.util.function.Predicate;

/** A boolean configuration axis. Anything but one XEP-0004 boolean is not-acceptable. */
public final class BooleanField implements ConfigField {

    private final String var;
    private final String label;
    private final Predicate<RoomConfig> read;
    private final BiConsumer<RoomConfigBuilder, Boolean> write;

    public BooleanField(String var, String label, Predicate<RoomConfig> read,
            BiConsumer<RoomConfigBuilder, Boolean> write) {
        this.var = var;
        this.label = label;
        this.read = read;
        this.write = write;
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(RoomView room) {
        return FormField.of(var, FieldType.BOOLEAN, label, List.of(read.test(room.config()) ? "1" : "0"));
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        Optional<Boolean> value = Invalid.single(values).flatMap(DataForm::parseBoolean);
        if (value.isEmpty()) {
            return Invalid.value(var, "expected one boolean value");
        }
        write.accept(draft.config(), value.get());
        return Optional.empty();
    }
}
