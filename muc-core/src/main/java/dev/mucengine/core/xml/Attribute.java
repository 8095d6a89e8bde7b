package dev.mucengine.core.xml;

import java.util.Objects;

/** One attribute: a qualified name and its unescaped value. */
public record Attribute(XmlName name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
