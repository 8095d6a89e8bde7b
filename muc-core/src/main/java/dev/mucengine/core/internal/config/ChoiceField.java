package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A list-single axis whose value is one of a fixed set of options (whois, allowpm). A value that
 * is not one of the options is not-acceptable.
 *
 * @param <T> the configuration value each option stands for
 */
public final class ChoiceField<T> implements ConfigField {

    /** One option: its wire value, its label and what it means. */
    public record Choice<T>(String value, String label, T meaning) {
    }

    private final String var;
    private final String label;
    private final Function<RoomConfig, T> read;
    private final BiConsumer<RoomConfigBuilder, T> write;
    private final Map<String, Choice<T>> choices = new LinkedHashMap<>();

    public ChoiceField(String var, String label, Function<RoomConfig, T> read, BiConsumer<RoomConfigBuilder, T> write,
            List<Choice<T>> choices) {
        this.var = var;
        this.label = label;
        this.read = read;
        this.write = write;
        for (Choice<T> c : choices) {
            this.choices.put(c.value(), c);
        }
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(RoomView room) {
        T current = read.apply(room.config());
        List<String> values = new ArrayList<>();
        List<FormField.Option> options = new ArrayList<>();
        for (Choice<T> c : choices.values()) {
            if (c.meaning().equals(current) && values.isEmpty()) {
                values.add(c.value());
            }
            options.add(new FormField.Option(Optional.of(c.label()), c.value()));
        }
        return FormField.of(var, FieldType.LIST_SINGLE, label, values).withOptions(options);
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        Optional<Choice<T>> choice = Invalid.single(values).map(String::strip).map(choices::get);
        if (choice.isEmpty()) {
            return Invalid.value(var, "expected one of " + choices.keySet());
        }
        write.accept(draft.config(), choice.get().meaning());
        return Optional.empty();
    }

}
