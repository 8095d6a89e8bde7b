package dev.mucengine.core.stanza;

import java.util.Optional;

/** The stanza error types of RFC 6120 §8.3.2. */
public enum ErrorType {
    /** Retry after providing credentials. */
    AUTH("auth"),
    /** Do not retry: the error cannot be remedied. */
    CANCEL("cancel"),
    /** Proceed: the condition was only a warning. */
    CONTINUE("continue"),
    /** Retry after changing the data sent. */
    MODIFY("modify"),
    /** Retry after waiting: the error is temporary. */
    WAIT("wait");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value of the {@code type} attribute of {@code <error/>}.
     *
     * @return the name, e.g. {@code cancel}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The error type with this wire name.
     *
     * @param value a {@code type} attribute's value
     * @return the type, or empty for a value RFC 6120 does not define
     */
    public static Optional<ErrorType> fromWire(String value) {
        for (ErrorType t : values()) {
            if (t.wireName.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
