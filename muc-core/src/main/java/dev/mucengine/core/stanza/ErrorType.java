package dev.mucengine.core.stanza;

import java.util.Optional;

/** The stanza error types of RFC 6120 §8.3.2. */
public enum ErrorType {
    AUTH("auth"),
    CANCEL("cancel"),
    CONTINUE("continue"),
    MODIFY("modify"),
    WAIT("wait");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ErrorType> fromWire(String value) {
        for (ErrorType t : values()) {
            if (t.wireName.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
