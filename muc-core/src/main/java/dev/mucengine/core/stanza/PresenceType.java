package dev.mucengine.core.stanza;

/**
 * Presence types of RFC 6121 §4.7.1. No {@code type} attribute means {@link #AVAILABLE}; a value
 * the RFC does not define is {@link #UNKNOWN} (answered with {@code bad-request}, never crashed on).
 */
public enum PresenceType {
    AVAILABLE(""),
    UNAVAILABLE("unavailable"),
    SUBSCRIBE("subscribe"),
    SUBSCRIBED("subscribed"),
    UNSUBSCRIBE("unsubscribe"),
    UNSUBSCRIBED("unsubscribed"),
    PROBE("probe"),
    ERROR("error"),
    UNKNOWN("");

    private final String wireName;

    PresenceType(String wireName) {
        this.wireName = wireName;
    }

    /** The attribute value; empty for {@link #AVAILABLE} (no attribute) and {@link #UNKNOWN}. */
    public String wireName() {
        return wireName;
    }

    public static PresenceType fromWire(String value) {
        for (PresenceType t : values()) {
            if (!t.wireName.isEmpty() && t.wireName.equals(value)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
