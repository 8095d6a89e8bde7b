package dev.mucengine.core.internal.config;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/** The errors a field answers with: values that violate the form are not-acceptable (XEP-0045 §10.2). */
public final class Invalid {

    private Invalid() {
    }

    public static Optional<StanzaError> value(String var, String why) {
        return Optional.of(StanzaError.of(Condition.NOT_ACCEPTABLE).withText(var + ": " + why));
    }

    /** The single value of a single-valued field, or empty if there is not exactly one. */
    public static Optional<String> single(List<String> values) {
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }
}
