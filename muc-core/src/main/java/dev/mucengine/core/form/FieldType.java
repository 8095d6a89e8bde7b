package dev.mucengine.core.form;

import java.util.Optional;

/** XEP-0004 §3.3 field types. */
public enum FieldType {
    BOOLEAN("boolean"),
    FIXED("fixed"),
    HIDDEN("hidden"),
    JID_MULTI("jid-multi"),
    JID_SINGLE("jid-single"),
    LIST_MULTI("list-multi"),
    LIST_SINGLE("list-single"),
    TEXT_MULTI("text-multi"),
    TEXT_PRIVATE("text-private"),
    TEXT_SINGLE("text-single");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FieldType> fromWire(String value) {
        for (FieldType t : values()) {
            if (t.wireName.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
