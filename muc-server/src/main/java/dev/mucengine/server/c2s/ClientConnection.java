package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.OutboundWriter;
import dev.mucengine.server.OverflowPolicy;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmlSerializer;
import dev.mucengine.xml.XmppStreamReader;
import java.io.IOException;
import java.net.Socket;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * One client connection: its reader thread negotiates the stream (header, SASL or registration,
 * restart) and then hands every element to the engine thread, in order. Output goes through the
 * connection's {@link OutboundWriter}, which disconnects a client that stops reading.
 */
final class ClientConnection {

    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private final Socket socket;
    private final ServerContext context;
    private final OutboundWriter writer;
    private final SaslExchange sasl;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private volatile boolean headerSent;
    private Optional<Session> session = Optional.empty();

    ClientConnection(Socket socket, ServerContext context) {
        this.socket = socket;
        this.context = context;
        this.writer = new OutboundWriter(socket, context.maxOutputBytes(), OverflowPolicy.DISCONNECT,
                Stanza.CLIENT_NAMESPACE, "c2s-" + socket.getPort() + "-out");
        this.sasl = new SaslExchange(context.accounts(), context.random());
    }

    /** Starts the reader thread (the writer starts with the first output). */
    void start() {
        Thread reader = new Thread(null, this::read, "c2s-" + socket.getPort() + "-in", Server.THREAD_STACK_BYTES);
        reader.setDaemon(true);
        reader.start();
    }

    /** Ends the stream: optionally a stream error, then the closing tag, then the socket. */
    void terminate(Optional<StreamError> error) {
        if (!terminated.compareAndSet(false, true)) {
            return;
        }
        if (!headerSent) {
            sendHeader(); // RFC 6120 §4.9.1.1: an error needs an open stream
        }
        // One piece: no stanza can get in between the stream error and the closing tag.
        String errorXml = error.map(e -> SERIALIZER.toXmlInStream(e.toElement(), Stanza.CLIENT_NAMESPACE)).orElse("");
        writer.finish(errorXml + SERIALIZER.closeStream());
    }

    private void read() {
        try {
            XmppStreamReader reader = new XmppStreamReader(socket.getInputStream(), context.limits());
            while (!terminated.get()) {
                StreamEvent event = reader.next();
                if (event instanceof StreamEvent.StreamOpened opened) {
                    opened(opened);
                } else if (event instanceof StreamEvent.ElementReceived received) {
                    received(received.element());
                } else if (event instanceof StreamEvent.StreamFailed failed) {
                    terminate(Optional.of(failed.error()));
                } else if (event instanceof StreamEvent.StreamClosed) {
                    terminate(Optional.empty());
                } else {
                    break; // InputEnded: the peer is gone
                }
            }
        } catch (IOException e) {
            // reset by peer, or closed by us: either way this connection is over
        } finally {
            terminate(Optional.empty());
            session.ifPresent(s -> context.engine().submit(() -> context.input().disconnected(s)));
            context.connections().remove(this);
        }
    }

    private void opened(StreamEvent.StreamOpened opened) {
        sendHeader();
        boolean ourDomain = opened.header().to().map(to -> to.equalsIgnoreCase(context.identity().domain().toString()))
                .orElse(true);
        if (!opened.header().contentNamespace().equals(Stanza.CLIENT_NAMESPACE)) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.INVALID_NAMESPACE)));
        } else if (!ourDomain) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.HOST_UNKNOWN)));
        } else if (sasl.authenticated().isPresent()) {
            startSession(sasl.authenticated().get());
            writer.send(StreamFeatures.afterAuthentication());
        } else {
            writer.send(StreamFeatures.beforeAuthentication(context.openRegistration()));
        }
    }

    private void sendHeader() {
        headerSent = true;
        writer.sendMarkup(SERIALIZER.openStream(StreamFeatures.header(context.identity().domain(),
                UUID.randomUUID().toString())));
    }

    private void startSession(String username) {
        EntityBareJid account;
        try {
            account = JidCreate.entityBareFrom(username + "@" + context.identity().domain());
        } catch (XmppStringprepException e) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.NOT_AUTHORIZED)));
            return;
        }
        session = Optional.of(new Session(account, writer, () -> terminate(Optional.empty())));
    }

    private void received(Element element) {
        Optional<Session> bound = session;
        if (bound.isPresent()) {
            context.engine().submit(() -> context.input().fromClient(bound.get(), element));
            return;
        }
        if (sasl.authenticated().isPresent()) {
            // after <success/> only a new stream header is allowed (RFC 6120 §6.4.6)
            terminate(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION, "restart the stream")));
            return;
        }
        Optional<Element> saslAnswer = sasl.handle(element);
        if (saslAnswer.isPresent()) {
            writer.send(saslAnswer.get());
            return;
        }
        if (element.is(StreamFeatures.TLS, "starttls")) {
            // TLS is not offered; RFC 6120 §5.4.2.2 says fail and close.
            writer.send(Element.empty(StreamFeatures.TLS, "failure"));
            terminate(Optional.empty());
            return;
        }
        Optional<Element> register = registration(element);
        if (register.isPresent()) {
            writer.send(register.get());
            return;
        }
        terminate(Optional.of(StreamError.of(StreamErrorCondition.NOT_AUTHORIZED, "authenticate first")));
    }

    private Optional<Element> registration(Element element) {
        if (!context.openRegistration()
                || !(Stanza.parse(element) instanceof StanzaResult.Valid v && v.stanza() instanceof Iq iq)) {
            return Optional.empty();
        }
        return iq.query().filter(q -> q.is(InBandRegistration.NAMESPACE, "query"))
                .map(q -> context.registration().beforeAuthentication(iq, q).element());
    }
}
