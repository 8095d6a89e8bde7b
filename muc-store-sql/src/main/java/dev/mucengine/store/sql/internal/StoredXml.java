package dev.mucengine.store.sql.internal;

import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.core.xml.XmlWriter;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * XML as the store keeps it: written by core's {@link XmlWriter} (the one serializer), read back
 * with the JDK's StAX into core {@link Element}s, equal to what was written.
 */
public final class StoredXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private StoredXml() {
    }

    /** The JDK's own parser (not whatever StAX provider is on the path), namespace-aware, without DTDs. */
    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * The element as stored.
     *
     * @param element the element
     * @return its XML
     */
    public static String write(Element element) {
        return XmlWriter.write(element);
    }

    /**
     * Reads a stored element back.
     *
     * @param xml what {@link #write} wrote
     * @param what what the XML is, for the error message
     * @return the element
     * @throws StoreUnavailableException if the XML is not well-formed (the database was changed behind the store)
     */
    public static Element parse(String xml, String what) {
        try {
            XMLStreamReader r;
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new StringReader(xml));
            }
            try {
                return readDocument(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new StoreUnavailableException("stored " + what + " is not readable XML: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stored message back.
     *
     * @param xml what {@link #write} wrote of the message's element
     * @param what what the message is, for the error message
     * @return the message
     * @throws StoreUnavailableException if the XML is not a message
     */
    public static Message message(String xml, String what) {
        StanzaResult parsed = Stanza.parse(parse(xml, what));
        if (parsed instanceof StanzaResult.Valid valid && valid.stanza() instanceof Message m) {
            return m;
        }
        throw new StoreUnavailableException("stored " + what + " is not a message");
    }

    private static Element readDocument(XMLStreamReader r) throws XMLStreamException {
        Deque<ElementBuilder> open = new ArrayDeque<>();
        @Nullable Element root = null;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    ElementBuilder b = Element.builder(orEmpty(r.getNamespaceURI()), r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        b.attribute(new XmlName(orEmpty(r.getAttributeNamespace(i)), r.getAttributeLocalName(i)),
                                r.getAttributeValue(i));
                    }
                    open.push(b);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Element done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().child(done);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    ElementBuilder current = open.peek();
                    if (current != null) {
                        current.text(r.getText()); // merges runs, as the model keeps text
                    }
                }
                default -> {
                    // The document's start and end; XmlWriter writes nothing else.
                }
            }
        }
        if (root == null) {
            throw new XMLStreamException("no element");
        }
        return root;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
