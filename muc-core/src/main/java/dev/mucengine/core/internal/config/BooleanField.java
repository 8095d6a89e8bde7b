package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A boolean configuration axis, optionally advertised as one of two disco features
 * ({@code muc_persistent}/{@code muc_temporary}...).
 */
public final class BooleanField implements ConfigField {

    private final String var;
    private final String label;
    private final Predicate<RoomConfig> read;
    private final BiConsumer<RoomConfig.Builder, Boolean> write;
    private final Optional<String> featureWhenTrue;
    private final Optional<String> featureWhenFalse;

    private BooleanField(String var, String label, Predicate<RoomConfig> read,
            BiConsumer<RoomConfig.Builder, Boolean> write, Optional<String> featureWhenTrue,
            Optional<String> featureWhenFalse) {
        this.var = var;
        this.label = label;
        this.read = read;
        this.write = write;
        this.featureWhenTrue = featureWhenTrue;
        this.featureWhenFalse = featureWhenFalse;
    }

    /** A boolean axis with no disco feature. */
    public static BooleanField of(String var, String label, Predicate<RoomConfig> read,
            BiConsumer<RoomConfig.Builder, Boolean> write) {
        return new BooleanField(var, label, read, write, Optional.empty(), Optional.empty());
    }

    /** A boolean axis advertised as {@code whenTrue} or {@code whenFalse}. */
    public static BooleanField withFeatures(String var, String label, Predicate<RoomConfig> read,
            BiConsumer<RoomConfig.Builder, Boolean> write, String whenTrue, String whenFalse) {
        return new BooleanField(var, label, read, write, Optional.of(whenTrue), Optional.of(whenFalse));
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(Room room) {
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

    @Override
    public Optional<String> discoFeature(RoomConfig config) {
        return read.test(config) ? featureWhenTrue : featureWhenFalse;
    }
}
