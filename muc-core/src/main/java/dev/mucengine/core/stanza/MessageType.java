package dev.mucengine.core.stanza;

/** Message types of RFC 6121 §5.2.2. An absent or unknown type reads as {@link #NORMAL}, as the RFC says. */
public enum MessageType {
    /** A single message outside a conversation; the default. */
    NORMAL("normal"),
    /** A message in a one-to-one conversation. */
    CHAT("chat"),
    /** A message in a multi-user chat room. */
    GROUPCHAT("groupchat"),
    /** An alert that expects no reply. */
    HEADLINE("headline"),
    /** An error about a message sent earlier. */
    ERROR("error");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value of the {@code type} attribute.
     *
     * @return the name, e.g. {@code groupchat}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The type with this wire name.
     *
     * @param value a {@code type} attribute's value
     * @return the type, or {@link #NORMAL} for an unknown value
     */
    public static MessageType fromWire(String value) {
        for (MessageType t : values()) {
            if (t.wireName.equals(value)) {
                return t;
            }
        }
        return NORMAL;
    }
}
