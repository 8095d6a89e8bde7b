package dev.mucengine.xml;

import dev.mucengine.core.xml.Element;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an XMPP stream (client {@code jabber:client}, server {@code jabber:server} or component
 * {@code jabber:component:accept}) from a blocking {@link InputStream}, one event per call.
 *
 * <p>Incremental: each top-level element is returned as soon as its end tag has arrived; the
 * reader never waits for bytes beyond it. White-space keepalives between elements are skipped.
 *
 * <p>Namespaces: top-level elements in the stream's content namespace, and every descendant in
 * that namespace, come out in {@code jabber:client}, so the engine sees one namespace. Other
 * namespaces ({@code <stream:features/>}, SASL {@code <auth/>}...) are kept.
 *
 * <p>Stream restarts (after SASL success or STARTTLS): keep using the <em>same</em> reader. A new
 * {@code <stream:stream>} header (optionally preceded by an XML declaration) is reported as
 * another {@link StreamEvent.StreamOpened}, and later elements use the new header's namespaces.
 * Do not create a second reader over the same stream: this reader may already hold bytes the
 * peer pipelined after the element that triggered the restart. (For STARTTLS, the bytes after
 * {@code <starttls/>} belong to the TLS handshake, so there a new reader over the TLS stream is
 * right.)
 *
 * <p>After {@link StreamEvent.StreamClosed}, {@link StreamEvent.InputEnded} or
 * {@link StreamEvent.StreamFailed}, every further call returns the same event without reading.
 * Not thread-safe; one reader per connection.
 */
public final class XmppStreamReader {

    private final TopLevelScanner scanner;
    private final ElementDecoder decoder;
    private @Nullable StreamEvent terminal;
    private byte @Nullable [] headerStart;
    private byte[] headerEnd = new byte[0];
    private String headerQName = "";
    private Optional<String> contentNamespace = Optional.empty();

    /**
     * A reader with {@link XmlLimits#DEFAULTS}.
     *
     * @param in the connection's input, read as needed and never closed by the reader
     */
    public XmppStreamReader(InputStream in) {
        this(in, XmlLimits.DEFAULTS);
    }

    /**
     * A reader with these limits.
     *
     * @param in the connection's input, read as needed and never closed by the reader
     * @param limits the limits every element must respect
     */
    public XmppStreamReader(InputStream in, XmlLimits limits) {
        this.scanner = new TopLevelScanner(in, limits, true);
        this.decoder = new ElementDecoder(limits);
    }

    /**
     * Blocks until the next event. Only I/O failures of the underlying stream are thrown; bad
     * XML is a {@link StreamEvent.StreamFailed} value.
     *
     * @return the next event; the terminal event again once there was one
     * @throws IOException if reading {@code in} fails
     */
    public StreamEvent next() throws IOException {
        StreamEvent done = terminal;
        if (done != null) {
            return done;
        }
        try {
            TopLevelScanner.Token token = scanner.next();
            if (token instanceof TopLevelScanner.Header h) {
                StreamHeader header = decoder.decodeHeader(h.startTag(), h.qname());
                headerStart = h.startTag();
                headerQName = h.qname();
                headerEnd = ("</" + h.qname() + ">").getBytes(StandardCharsets.UTF_8);
                contentNamespace = Optional.of(header.contentNamespace());
                return new StreamEvent.StreamOpened(header);
            }
            byte[] start = headerStart;
            if (token instanceof TopLevelScanner.End) {
                return finish(new StreamEvent.InputEnded());
            }
            if (start == null) {
                return finish(new StreamEvent.StreamFailed(StreamError.of(
                        StreamErrorCondition.BAD_FORMAT, "expected a <stream:stream> header")));
            }
            if (token instanceof TopLevelScanner.Close c) {
                if (!c.qname().equals(headerQName)) {
                    return finish(new StreamEvent.StreamFailed(StreamError.of(
                            StreamErrorCondition.NOT_WELL_FORMED,
                            "end tag does not match </" + headerQName + ">")));
                }
                return finish(new StreamEvent.StreamClosed());
            }
            TopLevelScanner.Chunk chunk = (TopLevelScanner.Chunk) token;
            Element element = decoder.decode(start, chunk.bytes(), headerEnd, contentNamespace);
            return new StreamEvent.ElementReceived(element);
        } catch (XmlFailure f) {
            return finish(new StreamEvent.StreamFailed(f.error()));
        }
    }

    private StreamEvent finish(StreamEvent event) {
        terminal = event;
        return event;
    }
}
