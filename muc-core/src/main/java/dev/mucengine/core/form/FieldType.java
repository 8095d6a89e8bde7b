package dev.mucengine.core.form;

import java.util.Optional;

/** XEP-0004 §3.3 field types. */
public enum FieldType {
    /** Either-or choice: {@code 1}/{@code true} or {@code 0}/{@code false}. */
    BOOLEAN("boolean"),
    /** Text shown to the user, not a value to fill in. */
    FIXED("fixed"),
    /** A value the user does not see, returned as is (FORM_TYPE). */
    HIDDEN("hidden"),
    /** Several JIDs. */
    JID_MULTI("jid-multi"),
    /** One JID. */
    JID_SINGLE("jid-single"),
    /** Several values chosen from the options. */
    LIST_MULTI("list-multi"),
    /** One value chosen from the options. */
    LIST_SINGLE("list-single"),
    /** Several lines of text, one value per line. */
    TEXT_MULTI("text-multi"),
    /** Text to hide while typed (a password). */
    TEXT_PRIVATE("text-private"),
    /** One line of text. */
    TEXT_SINGLE("text-single");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value of the field's {@code type} attribute.
     *
     * @return the name, e.g. {@code list-single}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The field type with this wire name.
     *
     * @param value a {@code type} attribute's value
     * @return the type, or empty for a value XEP-0004 does not define
     */
    public static Optional<FieldType> fromWire(String value) {
        for (FieldType t : values()) {
            if (t.wireName.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
