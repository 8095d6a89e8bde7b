package dev.mucengine.core.stanza;

/** Message types of RFC 6121 §5.2.2. An absent or unknown type reads as {@link #NORMAL}, as the RFC says. */
public enum MessageType {
    NORMAL("normal"),
    CHAT("chat"),
    GROUPCHAT("groupchat"),
    HEADLINE("headline"),
    ERROR("error");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MessageType fromWire(String value) {
        for (MessageType t : values()) {
            if (t.wireName.equals(value)) {
                return t;
            }
        }
        return NORMAL;
    }
}
