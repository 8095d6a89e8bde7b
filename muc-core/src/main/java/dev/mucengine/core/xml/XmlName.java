package dev.mucengine.core.xml;

import java.util.Objects;

/**
 * A qualified XML name: namespace URI plus local name. The empty namespace is {@code ""}.
 * Prefixes are a serialization detail and are deliberately not part of the model.
 *
 * @param namespace the namespace URI; {@code ""} for none
 * @param localName the local name, without prefix
 */
public record XmlName(String namespace, String localName) {

    /** The namespace bound to the {@code xml:} prefix ({@code xml:lang}, ...). */
    public static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    /**
     * Checks the name.
     *
     * @param namespace the namespace URI, or {@code ""}
     * @param localName the local name
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code localName} is empty
     */
    public XmlName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        if (localName.isEmpty()) {
            throw new IllegalArgumentException("local name must not be empty");
        }
    }

    /**
     * A name in no namespace (the usual case for attributes).
     *
     * @param localName the local name
     * @return the name, in the empty namespace
     */
    public static XmlName local(String localName) {
        return new XmlName("", localName);
    }

    /**
     * {@code xml:lang}.
     *
     * @return the name of the {@code xml:lang} attribute
     */
    public static XmlName xmlLang() {
        return new XmlName(XML_NAMESPACE, "lang");
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }
}
