package dev.mucengine.server.component;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.server.ChannelOutput;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.StreamHeader;
import dev.mucengine.xml.XmlSerializer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The XEP-0114 handshake as a connection's stream events arrive: our stream header, the server's
 * (whose id is hashed with the secret, {@link HandshakeDigest}), our {@code <handshake/>}, and the
 * server's empty {@code <handshake/>} or a stream error. Pure but for what it queues on the
 * output, so it runs on the selector thread as the bytes come in. Loop thread only.
 */
final class ComponentHandshake {

    /** Where the handshake is after an event. */
    sealed interface Step {
        /** Not over yet: more events are needed. */
        record Waiting() implements Step {
        }

        /** The server accepted us: stanzas may flow. */
        record Accepted() implements Step {
        }

        /** The attempt failed for {@code reason}; {@code rejection} if the server refused the handshake. */
        record Failed(String reason, Optional<HandshakeRejectedException> rejection) implements Step {
            public Failed {
                Objects.requireNonNull(reason, "reason");
                Objects.requireNonNull(rejection, "rejection");
            }
        }
    }

    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private final ComponentSettings settings;
    private final ChannelOutput output;
    private boolean headerReceived;
    private boolean accepted;

    ComponentHandshake(ComponentSettings settings, ChannelOutput output) {
        this.settings = settings;
        this.output = output;
    }

    /** The socket is connected: our stream header goes out. */
    void start() {
        output.sendMarkup(SERIALIZER.openStream(StreamHeader.of(ComponentConnection.NAMESPACE,
                List.of(new Attribute(XmlName.local("to"), settings.domain().toString())))));
    }

    /** Whether the server has accepted the handshake. */
    boolean done() {
        return accepted;
    }

    /** The next event from the server, before the handshake is done. */
    Step event(StreamEvent event) {
        if (!headerReceived) {
            if (!(event instanceof StreamEvent.StreamOpened opened)) {
                return failed("expected the server's stream header, got " + describe(event));
            }
            Optional<String> id = opened.header().id();
            if (id.isEmpty()) {
                return failed("the server's stream header has no id to hash");
            }
            headerReceived = true;
            output.send(Element.builder(Stanza.CLIENT_NAMESPACE, "handshake")
                    .text(HandshakeDigest.of(id.get(), settings.secret())).build());
            return new Step.Waiting();
        }
        if (!(event instanceof StreamEvent.ElementReceived received)) {
            return failed("handshake failed: " + describe(event));
        }
        Element e = received.element();
        if (e.is(Stanza.CLIENT_NAMESPACE, "handshake")) {
            accepted = true;
            return new Step.Accepted();
        }
        if (e.is(StreamError.STREAMS_NAMESPACE, "error")) {
            HandshakeRejectedException rejection = new HandshakeRejectedException(condition(e),
                    e.childText(StreamError.ERROR_NAMESPACE, "text"));
            return new Step.Failed(rejection.getMessage(), Optional.of(rejection));
        }
        return new Step.Waiting(); // e.g. stream features from a server that sends them anyway
    }

    private static Step failed(String reason) {
        return new Step.Failed(reason, Optional.empty());
    }

    /** The defined condition of a stream error element. */
    static String condition(Element streamError) {
        return streamError.elements().stream()
                .filter(c -> c.namespace().equals(StreamError.ERROR_NAMESPACE) && !c.localName().equals("text"))
                .map(Element::localName).findFirst().orElse("undefined-condition");
    }

    /** A stream event that ends or breaks the stream, in words for the log. */
    static String describe(StreamEvent event) {
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
