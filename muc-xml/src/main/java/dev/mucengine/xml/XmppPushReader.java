package dev.mucengine.xml;

import dev.mucengine.core.xml.Element;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an XMPP stream from bytes pushed to it as they arrive, for non-blocking transports: a
 * selector thread hands it what one read returned and takes the events out. The rules are those
 * of {@link XmppStreamReader}, which is a loop over this class: the same limits, restricted-XML
 * rejection, end-tag checks, namespaces, stream restarts and errors.
 *
 * <p>{@link #next} consumes input only up to the end of the event it returns, so the caller
 * decides when to take the next one: a transport whose engine is busy leaves the rest of its
 * buffer where it is and stops reading the socket, and TCP pushes back on the peer. A stream
 * restart needs nothing special: the bytes after {@code <success/>} stay in the caller's buffer
 * and are read with the new header's namespaces.
 *
 * <p>After {@link StreamEvent.StreamClosed}, {@link StreamEvent.InputEnded} or
 * {@link StreamEvent.StreamFailed}, every further call returns the same event without consuming
 * anything. Not thread-safe; one reader per connection.
 */
public final class XmppPushReader {

    private final ElementFramer framer;
    private final ElementDecoder decoder;
    private @Nullable StreamEvent terminal;
    private byte @Nullable [] headerStart;
    private byte[] headerEnd = new byte[0];
    private String headerQName = "";
    private Optional<String> contentNamespace = Optional.empty();

    /** A reader with {@link XmlLimits#DEFAULTS}. */
    public XmppPushReader() {
        this(XmlLimits.DEFAULTS);
    }

    /**
     * A reader with these limits.
     *
     * @param limits the limits every element must respect
     */
    public XmppPushReader(XmlLimits limits) {
        this.framer = new ElementFramer(limits, true);
        this.decoder = new ElementDecoder(limits);
    }

    /**
     * Consumes bytes from {@code input} (from its position towards its limit) up to the end of the
     * next event. Bad XML is a {@link StreamEvent.StreamFailed} value, never an exception.
     *
     * @param input bytes received and not yet consumed; its position moves past what was consumed
     * @return the next event, or empty if {@code input} ran out first (all of it was consumed and
     *     is kept here until the rest arrives); the terminal event again once there was one
     */
    public Optional<StreamEvent> next(ByteBuffer input) {
        StreamEvent done = terminal;
        if (done != null) {
            return Optional.of(done);
        }
        try {
            ElementFramer.Token token = framer.next(input);
            return token == null ? Optional.empty() : Optional.of(event(token));
        } catch (XmlFailure f) {
            return Optional.of(finish(new StreamEvent.StreamFailed(f.error())));
        }
    }

    /**
     * The input has ended (the peer closed its side): {@link StreamEvent.InputEnded}, or the
     * error that the bytes received so far deserve.
     *
     * @return the terminal event
     */
    public StreamEvent end() {
        StreamEvent done = terminal;
        if (done != null) {
            return done;
        }
        try {
            return event(framer.end());
        } catch (XmlFailure f) {
            return finish(new StreamEvent.StreamFailed(f.error()));
        }
    }

    /**
     * Whether a terminal event was returned.
     *
     * @return true once nothing more will be consumed
     */
    public boolean ended() {
        return terminal != null;
    }

    private StreamEvent event(ElementFramer.Token token) throws XmlFailure {
        if (token instanceof ElementFramer.Header h) {
            StreamHeader header = decoder.decodeHeader(h.startTag(), h.qname());
            headerStart = h.startTag();
            headerQName = h.qname();
            headerEnd = ("</" + h.qname() + ">").getBytes(StandardCharsets.UTF_8);
            contentNamespace = Optional.of(header.contentNamespace());
            return new StreamEvent.StreamOpened(header);
        }
        byte[] start = headerStart;
        if (token instanceof ElementFramer.End) {
            return finish(new StreamEvent.InputEnded());
        }
        if (start == null) {
            return finish(new StreamEvent.StreamFailed(StreamError.of(
                    StreamErrorCondition.BAD_FORMAT, "expected a <stream:stream> header")));
        }
        if (token instanceof ElementFramer.Close c) {
            if (!c.qname().equals(headerQName)) {
                return finish(new StreamEvent.StreamFailed(StreamError.of(
                        StreamErrorCondition.NOT_WELL_FORMED, "end tag does not match </" + headerQName + ">")));
            }
            return finish(new StreamEvent.StreamClosed());
        }
        ElementFramer.Chunk chunk = (ElementFramer.Chunk) token;
        Element element = decoder.decode(start, chunk.bytes(), headerEnd, contentNamespace);
        return new StreamEvent.ElementReceived(element);
    }

    private StreamEvent finish(StreamEvent event) {
        terminal = event;
        return event;
    }
}
