package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A list-multi of roles (presencebroadcast, getmemberlist). Values are rendered and offered in
 * rank order, highest first. A value that is not one of the offered roles is not-acceptable.
 */
public final class RoleListField implements ConfigField {

    private final String var;
    private final String label;
    private final Function<RoomConfig, Set<Role>> read;
    private final BiConsumer<RoomConfigBuilder, Set<Role>> write;
    private final List<Role> offered;
    private final Function<Role, String> optionLabel;

    /**
     * @param offered the roles that may be chosen, in the order they are offered
     */
    public RoleListField(String var, String label, Function<RoomConfig, Set<Role>> read,
            BiConsumer<RoomConfigBuilder, Set<Role>> write, List<Role> offered, Function<Role, String> optionLabel) {
        this.var = var;
        this.label = label;
        this.read = read;
        this.write = write;
        this.offered = List.copyOf(offered);
        this.optionLabel = optionLabel;
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(RoomView room) {
        Set<Role> current = read.apply(room.config());
        List<String> values = new ArrayList<>();
        List<FormField.Option> options = new ArrayList<>();
        for (Role r : offered) {
            if (current.contains(r)) {
                values.add(r.wireName());
            }
            options.add(new FormField.Option(Optional.of(optionLabel.apply(r)), r.wireName()));
        }
        return FormField.of(var, FieldType.LIST_MULTI, label, values).withOptions(options);
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String v : values) {
            Optional<Role> role = Role.fromWire(v.strip()).filter(offered::contains);
            if (role.isEmpty()) {
                return Invalid.value(var, "not a role one may choose: " + v);
            }
            roles.add(role.get());
        }
        write.accept(draft.config(), roles);
        return Optional.empty();
    }
}
