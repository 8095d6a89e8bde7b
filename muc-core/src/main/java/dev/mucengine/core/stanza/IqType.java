package dev.mucengine.core.stanza;

/** IQ types of RFC 6120 §8.2.3. A missing or undefined type is {@link #UNKNOWN}. */
public enum IqType {
    GET("get"),
    SET("set"),
    RESULT("result"),
    ERROR("error"),
    UNKNOWN("");

    private final String wireName;

    IqType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static IqType fromWire(String value) {
        for (IqType t : values()) {
            if (!t.wireName.isEmpty() && t.wireName.equals(value)) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** True for the request types, which must be answered. */
    public boolean isRequest() {
        return this == GET || this == SET;
    }
}
