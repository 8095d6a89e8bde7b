package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomView;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A configuration axis the engine itself acts on (the room's name, whether it is public,
 * persistent, moderated, who sees real JIDs...): the module contributes the form fields and the
 * room-type features; the behaviour they configure is the engine's.
 */
final class SettingsModule implements RoomModule {

    private final String name;
    private final List<ConfigField> fields;
    private final Function<RoomConfig, List<String>> roomTypes;

    SettingsModule(String name, List<ConfigField> fields, Function<RoomConfig, List<String>> roomTypes) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.roomTypes = roomTypes;
    }

    /** Fields without a room-type feature. */
    SettingsModule(String name, ConfigField... fields) {
        this(name, List.of(fields), config -> List.of());
    }

    /** One boolean axis advertised as {@code whenTrue} or {@code whenFalse} (XEP-0045 §16.3). */
    static SettingsModule withRoomType(String name, ConfigField field, Predicate<RoomConfig> read,
            String whenTrue, String whenFalse) {
        return new SettingsModule(name, List.of(field), config -> List.of(read.test(config) ? whenTrue : whenFalse));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ConfigField> configFields() {
        return fields;
    }

    @Override
    public List<String> roomTypes(RoomView room) {
        return roomTypes.apply(room.config());
    }
}
