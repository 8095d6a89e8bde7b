package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.config.Invalid;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * muc#roomconfig_maxusers: list-single offering 10, 20, 30, 50, 100 and "none" (no room-level
 * limit). Any whole number from 1 to the service's per-room limit is accepted, offered or not
 * (clients commonly type a number); "none", "0" or no value means no limit. Anything else is
 * not-acceptable.
 */
final class MaxUsersField implements ConfigField {

    static final String VAR = "muc#roomconfig_maxusers";
    private static final String NONE = "none";
    private static final List<Integer> OFFERED = List.of(10, 20, 30, 50, 100);

    @Override
    public String var() {
        return VAR;
    }

    @Override
    public FormField render(RoomView room) {
        int max = room.config().maxUsers();
        String current = max <= 0 ? NONE : Integer.toString(max);
        SortedSet<Integer> numbers = new TreeSet<>(OFFERED);
        if (max > 0) {
            numbers.add(max);
        }
        List<FormField.Option> options = new ArrayList<>();
        for (int n : numbers) {
            // XEP-0004 §3.3 makes the label optional, but clients show a missing one as "(null)".
            options.add(new FormField.Option(Optional.of(Integer.toString(n)), Integer.toString(n)));
        }
        options.add(new FormField.Option(Optional.of("No limit"), NONE));
        return FormField.of(VAR, FieldType.LIST_SINGLE, "Maximum Number of Occupants", List.of(current))
                .withOptions(options);
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        if (values.size() > 1) {
            return Invalid.value(VAR, "expected one value");
        }
        String raw = values.isEmpty() ? NONE : values.get(0).strip();
        if (raw.equals(NONE) || raw.isEmpty()) {
            draft.config().maxUsers(0);
            return Optional.empty();
        }
        int max;
        try {
            max = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return Invalid.value(VAR, "not a number: " + raw);
        }
        if (max < 0 || max > draft.limits().maxOccupantsPerRoom()) {
            return Invalid.value(VAR, "must be between 1 and " + draft.limits().maxOccupantsPerRoom());
        }
        draft.config().maxUsers(max);
        return Optional.empty();
    }
}
