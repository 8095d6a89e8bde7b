package dev.mucengine.xml;

import dev.mucengine.core.xml.XmlWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses one standalone XML element (a stanza) into the model. Thread-safe and reusable.
 *
 * <p>The input must be exactly one element, optionally preceded by an XML declaration and
 * surrounded by white space. Restricted XML (RFC 6120 §11.1) and oversize input are rejected
 * like on a stream; see {@link XmlLimits}. Never throws for bad input.
 */
public final class XmlParser {

    private static final byte[] NO_NAMESPACE_START = "<w>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRAPPER_END = "</w>".getBytes(StandardCharsets.UTF_8);

    private final XmlLimits limits;
    private final ElementDecoder decoder;

    /** A parser with {@link XmlLimits#DEFAULTS}. */
    public XmlParser() {
        this(XmlLimits.DEFAULTS);
    }

    /**
     * A parser with these limits.
     *
     * @param limits the limits every parsed element must respect
     */
    public XmlParser(XmlLimits limits) {
        this.limits = limits;
        this.decoder = new ElementDecoder(limits);
    }

    /**
     * Parses a standalone element: an element without {@code xmlns} is in no namespace.
     *
     * @param xml the element, encoded as UTF-8 before parsing
     * @return the element, or the stream error the input deserves
     */
    public ParseResult parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a standalone element from UTF-8 bytes.
     *
     * @param utf8 the element's bytes; another declared encoding is {@code unsupported-encoding}
     * @return the element, or the stream error the input deserves
     */
    public ParseResult parse(byte[] utf8) {
        return parse(utf8, NO_NAMESPACE_START, Optional.empty());
    }

    /**
     * Parses an element as if it appeared inside a stream whose default namespace is
     * {@code defaultNamespace}: {@code <presence to='x'/>} with {@code jabber:client} comes out
     * in {@code jabber:client}. As on a stream, {@code jabber:server} and
     * {@code jabber:component:accept} content is mapped to {@code jabber:client}; any other default
     * namespace is kept.
     *
     * @param xml the element, encoded as UTF-8 before parsing
     * @param defaultNamespace the namespace of elements without their own {@code xmlns}
     * @return the element, or the stream error the input deserves
     */
    public ParseResult parseFragment(String xml, String defaultNamespace) {
        byte[] start = ("<w xmlns='" + XmlWriter.escapeAttribute(defaultNamespace) + "'>")
                .getBytes(StandardCharsets.UTF_8);
        Optional<String> mapped = ElementDecoder.CONTENT_NAMESPACES.contains(defaultNamespace)
                ? Optional.of(defaultNamespace) : Optional.empty();
        return parse(xml.getBytes(StandardCharsets.UTF_8), start, mapped);
    }

    private ParseResult parse(byte[] utf8, byte[] contextStart, Optional<String> mapped) {
        ElementFramer framer = new ElementFramer(limits, false);
        ByteBuffer input = ByteBuffer.wrap(utf8);
        try {
            ElementFramer.Token token = next(framer, input);
            if (!(token instanceof ElementFramer.Chunk chunk)) {
                return failed(token instanceof ElementFramer.End e && !e.midElement()
                        ? "no element" : "incomplete or unexpected markup");
            }
            if (!(next(framer, input) instanceof ElementFramer.End end) || end.midElement()) {
                return failed("content after the element");
            }
            return new ParseResult.Parsed(
                    decoder.decode(contextStart, chunk.bytes(), WRAPPER_END, mapped));
        } catch (XmlFailure f) {
            return new ParseResult.Failed(f.error());
        }
    }

    /** The next token of the whole input: the end of input once it is consumed. */
    private static ElementFramer.Token next(ElementFramer framer, ByteBuffer input) throws XmlFailure {
        ElementFramer.Token token = framer.next(input);
        return token != null ? token : framer.end();
    }

    private static ParseResult failed(String text) {
        return new ParseResult.Failed(StreamError.of(StreamErrorCondition.NOT_WELL_FORMED, text));
    }
}
