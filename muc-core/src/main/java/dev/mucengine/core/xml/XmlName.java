package dev.mucengine.core.xml;

import java.util.Objects;

/**
 * A qualified XML name: namespace URI plus local name. The empty namespace is {@code ""}.
 * Prefixes are a serialization detail and are deliberately not part of the model.
 */
public record XmlName(String namespace, String localName) {

    /** The namespace bound to the {@code xml:} prefix ({@code xml:lang}, ...). */
    public static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    public XmlName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        if (localName.isEmpty()) {
            throw new IllegalArgumentException("local name must not be empty");
        }
    }

    /** A name in no namespace (the usual case for attributes). */
    public static XmlName local(String localName) {
        return new XmlName("", localName);
    }

    /** {@code xml:lang}. */
    public static XmlName xmlLang() {
        return new XmlName(XML_NAMESPACE, "lang");
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }
}
