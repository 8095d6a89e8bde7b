package dev.mucengine.core.stanza;

/**
 * Presence types of RFC 6121 §4.7.1. No {@code type} attribute means {@link #AVAILABLE}; a value
 * the RFC does not define is {@link #UNKNOWN} (answered with {@code bad-request}, never crashed on).
 */
public enum PresenceType {
    /** Available: no {@code type} attribute. */
    AVAILABLE(""),
    /** No longer available; to a room, leaving it. */
    UNAVAILABLE("unavailable"),
    /** A subscription request. */
    SUBSCRIBE("subscribe"),
    /** A subscription approved. */
    SUBSCRIBED("subscribed"),
    /** A subscription cancelled by the subscriber. */
    UNSUBSCRIBE("unsubscribe"),
    /** A subscription denied or cancelled. */
    UNSUBSCRIBED("unsubscribed"),
    /** A request for the current presence. */
    PROBE("probe"),
    /** An error about a presence sent earlier. */
    ERROR("error"),
    /** A {@code type} value RFC 6121 does not define; a presence of this type cannot be built. */
    UNKNOWN("");

    private final String wireName;

    PresenceType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The attribute value; empty for {@link #AVAILABLE} (no attribute) and {@link #UNKNOWN}.
     *
     * @return the name, e.g. {@code unavailable}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The type with this value of the {@code type} attribute (a missing attribute means
     * {@link #AVAILABLE}, which this method never returns).
     *
     * @param value a {@code type} attribute's value
     * @return the type, or {@link #UNKNOWN} for any other value, the empty string included
     */
    public static PresenceType fromWire(String value) {
        for (PresenceType t : values()) {
            if (!t.wireName.isEmpty() && t.wireName.equals(value)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
