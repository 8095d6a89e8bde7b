package dev.mucengine.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Reads an XMPP stream (client {@code jabber:client}, server {@code jabber:server} or component
 * {@code jabber:component:accept}) from a blocking {@link InputStream}, one event per call.
 *
 * <p>A loop over an {@link XmppPushReader}, which holds the rules; this class only reads.
 * Incremental: each top-level element is returned as soon as its end tag has arrived; the
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

    /** The first read buffer; reads that fill it double it, up to {@link #MAX_READ_BUFFER}. */
    private static final int FIRST_READ_BUFFER = 512;
    private static final int MAX_READ_BUFFER = 8192;

    private final InputStream in;
    private final XmppPushReader reader;
    /** Bytes read and not yet consumed; starts small, as an idle connection needs little. */
    private ByteBuffer buffer = ByteBuffer.allocate(FIRST_READ_BUFFER).limit(0);

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
        this.in = in;
        this.reader = new XmppPushReader(limits);
    }

    /**
     * Blocks until the next event. Only I/O failures of the underlying stream are thrown; bad
     * XML is a {@link StreamEvent.StreamFailed} value.
     *
     * @return the next event; the terminal event again once there was one
     * @throws IOException if reading {@code in} fails
     */
    public StreamEvent next() throws IOException {
        while (true) {
            Optional<StreamEvent> event = reader.next(buffer);
            if (event.isPresent()) {
                return event.get();
            }
            if (!fill()) {
                return reader.end();
            }
        }
    }

    /**
     * One read into the (consumed) buffer: returns as soon as the stream has anything, so
     * stanzas are never delayed; false at the end of the stream.
     */
    private boolean fill() throws IOException {
        if (buffer.limit() == buffer.capacity() && buffer.capacity() < MAX_READ_BUFFER) {
            buffer = ByteBuffer.allocate(buffer.capacity() * 2); // the last read filled it: the peer sends in bulk
        }
        int n;
        do {
            n = in.read(buffer.array(), 0, buffer.capacity());
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        buffer.position(0).limit(n);
        return true;
    }
}
