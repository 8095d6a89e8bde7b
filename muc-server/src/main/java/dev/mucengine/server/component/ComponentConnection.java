package dev.mucengine.server.component;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.server.FanoutSerializer;
import dev.mucengine.server.OutboundWriter;
import dev.mucengine.server.OutputBudget;
import dev.mucengine.server.OverflowPolicy;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.StreamHeader;
import dev.mucengine.xml.XmlSerializer;
import dev.mucengine.xml.XmppStreamReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One authenticated XEP-0114 connection: the handshake in {@link #open}, then a reading loop on
 * the caller's thread and an {@link OutboundWriter} for everything sent, which makes the sender
 * wait while the server does not read (back-pressure).
 */
final class ComponentConnection implements AutoCloseable {

    /** The content namespace of a component stream (XEP-0114). */
    static final String NAMESPACE = "jabber:component:accept";

    private final XmppStreamReader reader;
    private final OutboundWriter writer;
    private final XmlSerializer serializer = new XmlSerializer();
    /** The engine's fan-outs, serialized once on the sending (engine) thread. */
    private final FanoutSerializer fanout = new FanoutSerializer(NAMESPACE);
    private final AtomicBoolean closeSent = new AtomicBoolean();

    private ComponentConnection(Socket socket, ComponentSettings settings) throws IOException {
        this.reader = new XmppStreamReader(socket.getInputStream(), settings.limits());
        this.writer = new OutboundWriter(socket, settings.outboundBytes(), OutputBudget.UNLIMITED,
                OverflowPolicy.BACK_PRESSURE, NAMESPACE, "component-writer-" + settings.domain());
    }

    /** Connects and authenticates; the returned connection is ready for stanzas. */
    static ComponentConnection open(ComponentSettings settings) throws IOException, HandshakeRejectedException {
        Socket socket = new Socket();
        try {
            int timeout = Math.toIntExact(Math.max(1, settings.handshakeTimeout().toMillis()));
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.setSoTimeout(timeout); // a server that never answers the handshake fails the attempt
            ComponentConnection connection = new ComponentConnection(socket, settings);
            try {
                connection.handshake(settings);
            } catch (IOException | HandshakeRejectedException | RuntimeException e) {
                connection.close();
                throw e;
            }
            socket.setSoTimeout(0); // stanzas may be hours apart
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void handshake(ComponentSettings settings) throws IOException, HandshakeRejectedException {
        String domain = settings.domain().toString();
        writer.sendMarkup(serializer.openStream(StreamHeader.of(NAMESPACE,
                List.of(new Attribute(XmlName.local("to"), domain)))));
        StreamEvent opened = reader.next();
        if (!(opened instanceof StreamEvent.StreamOpened header)) {
            throw new IOException("expected the server's stream header, got " + describe(opened));
        }
        Optional<String> id = header.header().id();
        if (id.isEmpty()) {
            throw new IOException("the server's stream header has no id to hash");
        }
        writer.send(Element.builder(Stanza.CLIENT_NAMESPACE, "handshake")
                .text(HandshakeDigest.of(id.get(), settings.secret())).build());
        while (true) {
            StreamEvent answer = reader.next();
            if (answer instanceof StreamEvent.ElementReceived received) {
                Element e = received.element();
                if (e.is(Stanza.CLIENT_NAMESPACE, "handshake")) {
                    return;
                }
                if (e.is(StreamError.STREAMS_NAMESPACE, "error")) {
                    throw new HandshakeRejectedException(condition(e),
                            e.childText(StreamError.ERROR_NAMESPACE, "text"));
                }
                continue; // e.g. stream features from a server that sends them anyway
            }
            throw new IOException("handshake failed: " + describe(answer));
        }
    }

    /**
     * Reads until the stream ends, passing each stanza to {@code inbound}; returns why it ended.
     * Never throws: an I/O failure is one more reason for the connection to be over.
     */
    String readUntilEnd(Consumer<Element> inbound) {
        Optional<String> serverError = Optional.empty();
        try {
            while (true) {
                StreamEvent event = reader.next();
                if (event instanceof StreamEvent.ElementReceived received) {
                    Element e = received.element();
                    if (e.namespace().equals(Stanza.CLIENT_NAMESPACE)) {
                        inbound.accept(e);
                    } else if (e.is(StreamError.STREAMS_NAMESPACE, "error")) {
                        serverError = Optional.of(condition(e)); // the server closes the stream next
                    }
                    continue;
                }
                if (event instanceof StreamEvent.StreamFailed failed) {
                    endStream(Optional.of(failed.error().toElement()));
                }
                if (event instanceof StreamEvent.StreamClosed) {
                    closeStream(); // answer the server's close, as RFC 6120 §4.4 asks
                }
                return describe(event) + serverError.map(c -> " after stream error " + c).orElse("");
            }
        } catch (IOException e) {
            return "connection failed: " + e.getMessage()
                    + serverError.map(c -> " after stream error " + c).orElse("");
        }
    }

    /** Queues a stanza for the server; waits while the queue is full. */
    void send(Stanza stanza) {
        fanout.serialize(stanza.element()).ifPresentOrElse(writer::send, () -> writer.send(stanza.element()));
    }

    /** Queues {@code </stream:stream>} after everything already queued; the server then closes. */
    void closeStream() {
        endStream(Optional.empty());
    }

    /**
     * Closes the socket, first letting the writer flush a closing tag already queued (bounded:
     * a server that stopped reading does not hold us up).
     */
    void finish() throws InterruptedException {
        if (closeSent.get()) {
            writer.awaitEnd(Duration.ofSeconds(1));
        }
        close();
    }

    /**
     * The closing tag, right after a stream error if there is one (one piece, so no stanza gets
     * in between); the socket stays open for the server's closing tag.
     */
    private void endStream(Optional<Element> streamError) {
        if (closeSent.compareAndSet(false, true)) {
            writer.finishOutput(streamError.map(e -> serializer.toXmlInStream(e, NAMESPACE)).orElse("")
                    + serializer.closeStream());
        }
    }

    /** Closes the socket at once; a reading loop on another thread then ends. */
    @Override
    public void close() {
        writer.abort(); // closes the socket
    }

    private static String condition(Element streamError) {
        return streamError.elements().stream()
                .filter(c -> c.namespace().equals(StreamError.ERROR_NAMESPACE) && !c.localName().equals("text"))
                .map(Element::localName).findFirst().orElse("undefined-condition");
    }

    private static String describe(StreamEvent event) {
        if (event instanceof StreamEvent.StreamClosed) {
            return "the server closed the stream";
        }
        if (event instanceof StreamEvent.InputEnded) {
            return "the server dropped the connection";
        }
        if (event instanceof StreamEvent.StreamFailed f) {
            return "bad XML from the server: " + f.error().condition().wireName()
                    + f.error().text().map(t -> " (" + t + ")").orElse("");
        }
        if (event instanceof StreamEvent.ElementReceived e) {
            return "unexpected <" + e.element().localName() + "/>";
        }
        return "an unexpected stream restart";
    }
}
