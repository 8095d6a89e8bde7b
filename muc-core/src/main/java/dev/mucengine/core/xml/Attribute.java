package dev.mucengine.core.xml;

import java.util.Objects;

/**
 * One attribute: a qualified name and its unescaped value.
 *
 * @param name the attribute's qualified name; un-namespaced for most attributes
 * @param value the value, unescaped
 */
public record Attribute(XmlName name, String value) {

    /**
     * Checks the attribute.
     *
     * @param name the qualified name
     * @param value the unescaped value
     * @throws NullPointerException if an argument is null
     */
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
