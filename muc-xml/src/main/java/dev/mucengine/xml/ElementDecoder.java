package dev.mucengine.xml;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.jspecify.annotations.Nullable;

/**
 * Turns the bytes of one top-level element into the model, using Woodstox for well-formedness.
 *
 * <p>The element is parsed inside a synthetic context element (the stream header, or a wrapper
 * declaring the default namespace), so prefixes and the default namespace declared by the stream
 * are in scope exactly as they were on the wire.
 */
final class ElementDecoder {

    /** Stream content namespaces that the model represents as {@code jabber:client}. */
    static final Set<String> CONTENT_NAMESPACES =
            Set.of(Stanza.CLIENT_NAMESPACE, "jabber:server", "jabber:component:accept");

    private final XMLInputFactory2 factory;
    private final XmlLimits limits;

    ElementDecoder(XmlLimits limits) {
        this.factory = HardenedInputFactory.create(limits);
        this.limits = limits;
    }

    /**
     * Parses {@code element} inside {@code contextStart ... contextEnd}. Elements in
     * {@code mappedNamespace} (if present) come out in {@code jabber:client}.
     */
    Element decode(byte[] contextStart, byte[] element, byte[] contextEnd,
            Optional<String> mappedNamespace) throws XmlFailure {
        byte[] all = new byte[contextStart.length + element.length + contextEnd.length];
        System.arraycopy(contextStart, 0, all, 0, contextStart.length);
        System.arraycopy(element, 0, all, contextStart.length, element.length);
        System.arraycopy(contextEnd, 0, all, contextStart.length + element.length,
                contextEnd.length);
        String mapped = mappedNamespace.orElse("\0");
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(all), "UTF-8");
            try {
                nextStartElement(r); // the context element
                Element result = readElement(r, mapped);
                while (r.hasNext()) {
                    checkAllowed(r.next()); // lets Woodstox verify the rest
                }
                return result;
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            // Woodstox reports some problems as unchecked (WstxLazyException): same treatment.
            throw classify(e);
        }
    }

    /** Parses a stream header start tag (closed synthetically by {@code </qname>}). */
    StreamHeader decodeHeader(byte[] startTag, String qname) throws XmlFailure {
        byte[] end = ("</" + qname + ">").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[startTag.length + end.length];
        System.arraycopy(startTag, 0, all, 0, startTag.length);
        System.arraycopy(end, 0, all, startTag.length, end.length);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(all), "UTF-8");
            try {
                nextStartElement(r);
                if (!StreamError.STREAMS_NAMESPACE.equals(r.getNamespaceURI())) {
                    throw new XmlFailure(StreamErrorCondition.INVALID_NAMESPACE,
                            "stream element not in " + StreamError.STREAMS_NAMESPACE);
                }
                Map<String, String> namespaces = new LinkedHashMap<>();
                for (int i = 0; i < r.getNamespaceCount(); i++) {
                    namespaces.put(orEmpty(r.getNamespacePrefix(i)), orEmpty(r.getNamespaceURI(i)));
                }
                String content = namespaces.getOrDefault("", "");
                if (!CONTENT_NAMESPACES.contains(content)) {
                    throw new XmlFailure(StreamErrorCondition.INVALID_NAMESPACE,
                            "unsupported stream content namespace '" + content + "'");
                }
                List<Attribute> attributes = readAttributes(r);
                String prefix = orEmpty(r.getPrefix());
                while (r.hasNext()) {
                    checkAllowed(r.next());
                }
                return new StreamHeader(content, prefix, namespaces, attributes);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw classify(e);
        }
    }

    private static void nextStartElement(XMLStreamReader r) throws XMLStreamException, XmlFailure {
        while (r.hasNext()) {
            int event = r.next();
            checkAllowed(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "no element");
    }

    private Element readElement(XMLStreamReader r, String mapped)
            throws XMLStreamException, XmlFailure {
        Deque<ElementBuilder> open = new ArrayDeque<>();
        Deque<int[]> textLengths = new ArrayDeque<>();
        while (r.hasNext()) {
            int event = r.next();
            checkAllowed(event);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= limits.maxDepth()) {
                        throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                                "element nesting deeper than " + limits.maxDepth());
                    }
                    String ns = orEmpty(r.getNamespaceURI());
                    ElementBuilder b = Element.builder(
                            ns.equals(mapped) ? Stanza.CLIENT_NAMESPACE : ns, r.getLocalName());
                    for (Attribute a : readAttributes(r)) {
                        b.attribute(a.name(), a.value());
                    }
                    open.push(b);
                    textLengths.push(new int[1]);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Element done = open.pop().build();
                    textLengths.pop();
                    if (open.isEmpty()) {
                        return done;
                    }
                    open.peek().child(done);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE -> {
                    ElementBuilder current = open.peek();
                    if (current == null) {
                        throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                                "text outside of the element");
                    }
                    int[] length = textLengths.peek();
                    length[0] += r.getTextLength();
                    if (length[0] > limits.maxTextLength()) {
                        throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                                "text longer than " + limits.maxTextLength() + " characters");
                    }
                    current.text(r.getText());
                }
                default -> throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "unexpected end of element");
            }
        }
        throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "unexpected end of element");
    }

    private List<Attribute> readAttributes(XMLStreamReader r) throws XmlFailure {
        int count = r.getAttributeCount();
        if (count > limits.maxAttributes()) {
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                    "more than " + limits.maxAttributes() + " attributes");
        }
        List<Attribute> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String value = r.getAttributeValue(i);
            if (value.length() > limits.maxAttributeLength()) {
                throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                        "attribute value longer than " + limits.maxAttributeLength());
            }
            result.add(new Attribute(
                    new XmlName(orEmpty(r.getAttributeNamespace(i)), r.getAttributeLocalName(i)),
                    value));
        }
        return result;
    }

    private static void checkAllowed(int event) throws XmlFailure {
        switch (event) {
            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
                    XMLStreamConstants.NOTATION_DECLARATION ->
                    throw restricted("DTD");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw restricted("entity reference");
            case XMLStreamConstants.COMMENT -> throw restricted("comment");
            case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                    throw restricted("processing instruction");
            default -> {
            }
        }
    }

    private static XmlFailure restricted(String what) {
        return new XmlFailure(StreamErrorCondition.RESTRICTED_XML,
                what + " is not allowed in XMPP (RFC 6120 §11.1)");
    }

    private static XmlFailure classify(Exception e) {
        if (e instanceof XmlFailure f) {
            return f;
        }
        String message = firstLine(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException) {
                return new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "invalid UTF-8: " + firstLine(t.getMessage()));
            }
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("limit") && lower.contains("exceeded")) {
            return new XmlFailure(StreamErrorCondition.POLICY_VIOLATION, message);
        }
        if (lower.contains("entity")) {
            return new XmlFailure(StreamErrorCondition.RESTRICTED_XML, message);
        }
        return new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, message);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "not well-formed";
        }
        String line = message.strip().lines().findFirst().orElse("not well-formed");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
