package dev.mucengine.core.stanza;

/** IQ types of RFC 6120 §8.2.3. A missing or undefined type is {@link #UNKNOWN}. */
public enum IqType {
    /** A request for information; must be answered. */
    GET("get"),
    /** A request to change something; must be answered. */
    SET("set"),
    /** A successful answer. */
    RESULT("result"),
    /** An error answer. */
    ERROR("error"),
    /** A missing or undefined type; never written (an iq of this type cannot be built). */
    UNKNOWN("");

    private final String wireName;

    IqType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value of the {@code type} attribute.
     *
     * @return the name, e.g. {@code get}; empty for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The type with this wire name.
     *
     * @param value a {@code type} attribute's value
     * @return the type, or {@link #UNKNOWN} for a value RFC 6120 does not define
     */
    public static IqType fromWire(String value) {
        for (IqType t : values()) {
            if (!t.wireName.isEmpty() && t.wireName.equals(value)) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /**
     * True for the request types, which must be answered.
     *
     * @return true for {@link #GET} and {@link #SET}
     */
    public boolean isRequest() {
        return this == GET || this == SET;
    }
}
