package dev.mucengine.xml;

import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.XmlName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code <stream:stream>} header: its attributes and namespace declarations.
 *
 * @param contentNamespace   the default namespace of the stream content ({@code jabber:client},
 *                           {@code jabber:server} or {@code jabber:component:accept})
 * @param streamPrefix       the prefix bound to {@value StreamError#STREAMS_NAMESPACE} (normally
 *                           {@code stream})
 * @param namespaces         every namespace declaration on the header, prefix to URI in document
 *                           order; the default namespace has the prefix {@code ""}
 * @param attributes         the header's attributes in document order (not the declarations)
 */
public record StreamHeader(String contentNamespace, String streamPrefix,
        Map<String, String> namespaces, List<Attribute> attributes) {

    /**
     * Copies the declarations and attributes.
     *
     * @param contentNamespace the default namespace of the stream content
     * @param streamPrefix the prefix bound to the streams namespace
     * @param namespaces every namespace declaration, prefix to URI, in document order
     * @param attributes the header's attributes, in document order
     * @throws NullPointerException if an argument, or an attribute, is null
     */
    public StreamHeader {
        Objects.requireNonNull(contentNamespace, "contentNamespace");
        Objects.requireNonNull(streamPrefix, "streamPrefix");
        namespaces = Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
        attributes = List.copyOf(attributes);
    }

    /**
     * A header to send: {@code xmlns=contentNamespace}, {@code xmlns:stream} and the given
     * attributes ({@code to}, {@code from}, {@code id}, {@code version}, {@code xml:lang}...).
     *
     * @param contentNamespace the stream's content namespace, e.g. {@code jabber:component:accept}
     * @param attributes the header's attributes, in order
     * @return the header, with the prefix {@code stream}
     */
    public static StreamHeader of(String contentNamespace, List<Attribute> attributes) {
        Map<String, String> ns = new LinkedHashMap<>();
        ns.put("", contentNamespace);
        ns.put("stream", StreamError.STREAMS_NAMESPACE);
        return new StreamHeader(contentNamespace, "stream", ns, attributes);
    }

    /**
     * This header with the un-namespaced attribute set: an earlier value is removed and the new one
     * appended, last.
     *
     * @param localName the attribute's name
     * @param value its value
     * @return the new header
     */
    public StreamHeader withAttribute(String localName, String value) {
        return withAttribute(XmlName.local(localName), value);
    }

    /**
     * This header with the attribute set: an earlier value is removed and the new one appended, last.
     *
     * @param name the attribute's qualified name
     * @param value its value
     * @return the new header
     */
    public StreamHeader withAttribute(XmlName name, String value) {
        List<Attribute> copy = new ArrayList<>(attributes);
        copy.removeIf(a -> a.name().equals(name));
        copy.add(new Attribute(name, value));
        return new StreamHeader(contentNamespace, streamPrefix, namespaces, copy);
    }

    /**
     * The value of an attribute of the header.
     *
     * @param name the attribute's qualified name
     * @return the value, or empty
     */
    public Optional<String> attribute(XmlName name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value)
                .findFirst();
    }

    /**
     * The {@code to} attribute.
     *
     * @return its value, or empty
     */
    public Optional<String> to() {
        return attribute(XmlName.local("to"));
    }

    /**
     * The {@code from} attribute.
     *
     * @return its value, or empty
     */
    public Optional<String> from() {
        return attribute(XmlName.local("from"));
    }

    /**
     * The {@code id} attribute.
     *
     * @return its value, or empty
     */
    public Optional<String> id() {
        return attribute(XmlName.local("id"));
    }

    /**
     * The {@code version} attribute.
     *
     * @return its value, or empty
     */
    public Optional<String> version() {
        return attribute(XmlName.local("version"));
    }

    /**
     * {@code xml:lang}.
     *
     * @return the value of the {@code xml:lang} attribute, or empty
     */
    public Optional<String> lang() {
        return attribute(XmlName.xmlLang());
    }
}
