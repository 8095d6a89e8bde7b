package dev.mucengine.server.c2s;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ChannelOutput;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import dev.mucengine.xml.StreamHeader;
import dev.mucengine.xml.XmlSerializer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A client stream from its first header to its session: which header or element the client may
 * send next, our header and features in answer, and the {@link Session} that starts at the
 * restart after SASL success. Kept apart from {@link ClientConnection} so that the connection
 * deals in bytes, flow control and closing, and this class in what the stream's phases allow.
 *
 * <p>Stream headers follow RFC 6120 §4.3.3: one opens the stream, and one more is due only
 * after SASL success (a restart, §6.4.6). Any other header ends the stream with
 * {@code unsupported-stanza-type}. Between them, elements go to the {@link Negotiation}. The
 * connection's selector thread only.
 */
final class StreamSetup {

    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    /** Where the stream is: what the client may send next. */
    private enum Phase { AWAITING_HEADER, NEGOTIATING, AWAITING_RESTART, AUTHENTICATED }

    private final ServerContext context;
    private final ChannelOutput output;
    private final Negotiation negotiation;
    private final Consumer<Optional<StreamError>> terminate;
    private final Runnable closeSoon;
    private final Runnable bound;
    private Phase phase = Phase.AWAITING_HEADER;
    /** Who authenticated, once SASL succeeded. */
    private String user = "";
    private boolean headerSent;
    private volatile @Nullable Session session;

    /**
     * @param liftInputLimit lifts the connection's input limit, on SASL success
     * @param terminate ends the stream, with the error if there is one
     * @param closeSoon ends the connection from any thread (the session's {@link Session#close})
     * @param bound runs once the session has bound its resource
     */
    StreamSetup(ServerContext context, InetAddress address, ChannelOutput output, Runnable liftInputLimit,
            Consumer<Optional<StreamError>> terminate, Runnable closeSoon, Runnable bound) {
        this.context = context;
        this.output = output;
        this.terminate = terminate;
        this.closeSoon = closeSoon;
        this.bound = bound;
        this.negotiation = new Negotiation(context, address, output, liftInputLimit, terminate);
    }

    /** Whether the restart after authentication came: from now on only stanzas are accepted. */
    boolean authenticated() {
        return phase == Phase.AUTHENTICATED;
    }

    /** The session, once the stream restarted after authentication; null before (or if its JID was invalid). */
    @Nullable Session session() {
        return session;
    }

    /** Sends our stream header if it was not sent yet: RFC 6120 §4.9.1.1, an error needs an open stream. */
    void ensureHeaderSent() {
        if (!headerSent) {
            sendHeader();
        }
    }

    /** The client sent a stream header: the stream opens, or restarts after authentication. */
    void opened(StreamHeader header) {
        if (phase != Phase.AWAITING_HEADER && phase != Phase.AWAITING_RESTART) {
            terminate.accept(Optional.of(StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "a stream header where no restart is due (RFC 6120 §4.3.3)")));
            return;
        }
        sendHeader();
        Optional<StreamError> refusal = StreamFeatures.refusal(header, context.identity().domain());
        if (refusal.isPresent()) {
            terminate.accept(refusal);
        } else if (phase == Phase.AWAITING_RESTART) {
            startSession();
            output.send(StreamFeatures.afterAuthentication());
        } else {
            phase = Phase.NEGOTIATING;
            output.send(StreamFeatures.beforeAuthentication(context.openRegistration()));
        }
    }

    /**
     * How long to wait before {@link #received} handles {@code element} ({@link Negotiation#delayBefore});
     * none after SASL success, where the element ends the stream at once.
     */
    Duration delayBefore(Element element) {
        return phase == Phase.AWAITING_RESTART ? Duration.ZERO : negotiation.delayBefore(element);
    }

    /** An element before authentication. */
    void received(Element element) {
        if (phase == Phase.AWAITING_RESTART) {
            // after <success/> only a new stream header is allowed (RFC 6120 §6.4.6)
            terminate.accept(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION, "restart the stream")));
            return;
        }
        Optional<String> authenticated = negotiation.handle(element);
        if (authenticated.isPresent()) {
            user = authenticated.get();
            phase = Phase.AWAITING_RESTART;
        }
    }

    private void sendHeader() {
        headerSent = true;
        output.sendMarkup(SERIALIZER.openStream(StreamFeatures.header(context.identity().domain(),
                UUID.randomUUID().toString())));
    }

    private void startSession() {
        phase = Phase.AUTHENTICATED;
        EntityBareJid account;
        try {
            account = JidCreate.entityBareFrom(user + "@" + context.identity().domain());
        } catch (XmppStringprepException e) {
            terminate.accept(Optional.of(StreamError.of(StreamErrorCondition.NOT_AUTHORIZED)));
            return;
        }
        session = new Session(account, output, closeSoon, bound);
    }
}
