package dev.mucengine.xml;

import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.core.xml.XmlWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The wire format of XMPP streams: elements as {@link XmlWriter} writes them (see there for the
 * rules), and the stream's own start and end tags. Stateless and thread-safe.
 *
 * <p>In a stream ({@code ...InStream} methods), {@code jabber:client} elements are written in the
 * stream's content namespace, the inverse of {@link XmppStreamReader}'s mapping, and elements in
 * {@value XmppNamespaces#STREAMS} use the {@code stream:} prefix, as declared by
 * {@link #openStream}. No XML declaration is written, except by {@link #openStream}.
 */
public final class XmlSerializer {

    /** A serializer; it keeps no state, so one may serve every stream. */
    public XmlSerializer() {
    }

    /**
     * Standalone: the element declares its own namespace.
     *
     * @param element the element
     * @return the XML
     */
    public String toXml(Element element) {
        return XmlWriter.write(element);
    }

    /**
     * As {@link #toXml(Element)}, in UTF-8.
     *
     * @param element the element
     * @return the XML's bytes
     */
    public byte[] toBytes(Element element) {
        return toXml(element).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@link #toXml(Element)} to {@code out}.
     *
     * @param element the element
     * @param out where to write; not flushed
     * @throws IOException if {@code out} fails
     */
    public void write(Element element, Writer out) throws IOException {
        out.write(toXml(element));
    }

    /**
     * For a stream whose default namespace is {@code streamContentNamespace}.
     *
     * @param element the element
     * @param streamContentNamespace the stream's content namespace, in which {@code jabber:client}
     *     elements are written
     * @return the XML
     */
    public String toXmlInStream(Element element, String streamContentNamespace) {
        return XmlWriter.write(element, streamContentNamespace);
    }

    /**
     * As {@link #toXmlInStream(Element, String)}, in UTF-8.
     *
     * @param element the element
     * @param streamContentNamespace the stream's content namespace
     * @return the XML's bytes
     */
    public byte[] toBytesInStream(Element element, String streamContentNamespace) {
        return toXmlInStream(element, streamContentNamespace).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@link #toXmlInStream(Element, String)} to {@code out}.
     *
     * @param element the element
     * @param streamContentNamespace the stream's content namespace
     * @param out where to write; not flushed
     * @throws IOException if {@code out} fails
     */
    public void writeInStream(Element element, String streamContentNamespace, Writer out)
            throws IOException {
        out.write(toXmlInStream(element, streamContentNamespace));
    }

    /**
     * The XML declaration and the {@code <stream:stream ...>} start tag with the header's
     * namespace declarations and attributes, in order.
     *
     * @param header the header to send
     * @return the declaration and the start tag
     * @throws IllegalArgumentException if the header has no stream prefix, a prefix is not an XML name,
     *     or an attribute is in a namespace the header does not declare
     */
    public String openStream(StreamHeader header) {
        if (header.streamPrefix().isEmpty()) {
            throw new IllegalArgumentException("the stream element needs a prefix");
        }
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?>");
        sb.append('<').append(XmlWriter.checkName(header.streamPrefix())).append(":stream");
        Map<String, String> prefixes = new HashMap<>();
        prefixes.put(XmlName.XML_NAMESPACE, "xml");
        for (Map.Entry<String, String> d : header.namespaces().entrySet()) {
            sb.append(d.getKey().isEmpty() ? " xmlns" : " xmlns:" + XmlWriter.checkName(d.getKey()))
                    .append("='").append(XmlWriter.escapeAttribute(d.getValue())).append('\'');
            if (!d.getKey().isEmpty()) {
                prefixes.put(d.getValue(), d.getKey());
            }
        }
        for (Attribute a : header.attributes()) {
            XmlWriter.writeAttribute(a, prefixes, sb);
        }
        return sb.append('>').toString();
    }

    /**
     * {@code </stream:stream>}.
     *
     * @return the end tag, always with the prefix {@code stream}
     */
    public String closeStream() {
        return "</stream:stream>";
    }
}
