package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.OutboundWriter;
import dev.mucengine.server.OverflowPolicy;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.StreamHeader;
import dev.mucengine.xml.XmlSerializer;
import dev.mucengine.xml.XmppStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * One client connection: its reader thread negotiates the stream (header, SASL or registration,
 * restart) and then hands every stanza to the engine thread, in order. Output goes through the
 * connection's {@link OutboundWriter}, which disconnects a client that stops reading.
 *
 * <p>Stream headers follow RFC 6120 §4.3.3: one opens the stream, and one more is due only
 * after SASL success (a restart). Any other header is not a restart: it ends the stream with
 * {@code unsupported-stanza-type}, and so the session, whose unavailable presence then goes to
 * every room and contact, as after a disconnect. After authentication only stanzas are
 * accepted; {@code <starttls/>}, {@code <auth/>} or anything else ends the stream the same way.
 *
 * <p>The connection's times ({@link #checkLiveness}) are read by the server's timer thread;
 * everything else belongs to the reader thread.
 */
final class ClientConnection {

    private static final XmlSerializer SERIALIZER = new XmlSerializer();
    private static final AtomicLong PINGS = new AtomicLong();

    /** Where the stream is: what the client may send next. */
    private enum Phase { AWAITING_HEADER, NEGOTIATING, AWAITING_RESTART, AUTHENTICATED }

    private final Socket socket;
    private final InetAddress address;
    private final ServerContext context;
    private final OutboundWriter writer;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private final long accepted = System.nanoTime();
    /** Guards sending stream headers against {@link #terminate} from other threads. */
    private final Object headerLock = new Object();
    private boolean headerSent;
    private volatile long lastInput = accepted;
    private volatile long pinged;
    private volatile long ended;
    private volatile @Nullable Session session;
    private final HeldShare held;
    private volatile boolean evicted;
    /** Guards {@link #bound} and {@link #released}, which decide how the admission is given back. */
    private final Object admissionLock = new Object();
    private boolean bound;
    private boolean released;
    private Phase phase = Phase.AWAITING_HEADER;
    /** Who authenticated, once SASL succeeded. */
    private String user = "";

    /** A connection the {@link Admission} has counted; {@link #start} it, or {@link #release} it. */
    ClientConnection(Socket socket, ServerContext context) {
        this.socket = socket;
        this.address = socket.getInetAddress();
        this.context = context;
        this.held = new HeldShare(context.heldInput());
        this.writer = new OutboundWriter(socket, context.limits().maxOutputBytes(), context.outputBudget(),
                OverflowPolicy.DISCONNECT, Stanza.CLIENT_NAMESPACE, "c2s-" + socket.getPort() + "-out");
    }

    /** Starts the reader thread (the writer starts with the first output). */
    void start() {
        Thread reader = new Thread(null, this::read, "c2s-" + socket.getPort() + "-in", Server.THREAD_STACK_BYTES);
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits up to {@code timeout} for the output to end (after {@link #terminate}: its last bytes written). */
    void awaitOutputEnd(Duration timeout) throws InterruptedException {
        writer.awaitEnd(timeout);
    }

    /**
     * Ends the stream: optionally a stream error, then the closing tag, then the socket. Any
     * thread; under the header lock, so that a header the reader is sending comes first, once.
     */
    void terminate(Optional<StreamError> error) {
        synchronized (headerLock) {
            if (!terminated.compareAndSet(false, true)) {
                return;
            }
            ended = System.nanoTime();
            if (!headerSent) {
                sendHeader(); // RFC 6120 §4.9.1.1: an error needs an open stream
            }
            // One piece: no stanza can get in between the stream error and the closing tag.
            String errorXml = error.map(e -> SERIALIZER.toXmlInStream(e.toElement(), Stanza.CLIENT_NAMESPACE))
                    .orElse("");
            writer.finish(errorXml + SERIALIZER.closeStream());
        }
    }

    /** The timer thread's call: pings an idle client, closes one that has been quiet too long. */
    void checkLiveness(long now) {
        Liveness.Times times;
        synchronized (admissionLock) {
            times = new Liveness.Times(accepted, bound, lastInput, pinged, ended);
        }
        switch (Liveness.check(context.limits(), times, now)) {
            case PING -> ping(now);
            case CLOSE_UNAUTHENTICATED -> terminate(Optional.of(StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT,
                    "not authenticated within " + context.limits().authTimeout().toSeconds() + " s")));
            case CLOSE_IDLE -> terminate(Optional.of(StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT,
                    "no answer to a ping")));
            case ABORT -> writer.abort();
            case NONE -> {
                // alive
            }
        }
    }

    /** Input the server holds for this connection, for {@link HeldInput}. */
    long heldInput() {
        return held.held();
    }

    /** Whether {@link #evict} was called. */
    boolean evicted() {
        return evicted;
    }

    /**
     * Ends the connection because it holds the most input when the server holds too much: the
     * stream error, then the input is shut so that the reader stops waiting for the rest.
     */
    void evict() {
        evicted = true;
        terminate(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                "the server holds too much unfinished input; yours was the largest")));
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            writer.abort(); // cannot be shut: close it
        }
    }

    /** Gives the connection's place in the {@link Admission} back. Once; later calls do nothing. */
    void release() {
        synchronized (admissionLock) {
            if (released) {
                return;
            }
            released = true;
            context.admission().release(address, bound);
        }
    }

    private void read() {
        try {
            MeteredInput input = new MeteredInput(socket.getInputStream(),
                    context.limits().maxBytesBeforeAuthentication(), held::read);
            XmppStreamReader reader = new XmppStreamReader(input, context.limits().xmlLimits());
            Negotiation negotiation = new Negotiation(context, address, writer, input, this::terminate);
            while (!terminated.get()) {
                StreamEvent event = reader.next();
                lastInput = System.nanoTime();
                long eventBytes = held.takeEventBytes();
                if (event instanceof StreamEvent.ElementReceived received && phase == Phase.AUTHENTICATED) {
                    stanza(received.element(), eventBytes); // held until the engine has handled it
                    continue;
                }
                held.handled(eventBytes);
                if (event instanceof StreamEvent.StreamOpened opened) {
                    opened(opened.header());
                } else if (event instanceof StreamEvent.ElementReceived received) {
                    received(received.element(), negotiation);
                } else if (event instanceof StreamEvent.StreamFailed failed) {
                    terminate(Optional.of(failed.error()));
                } else if (event instanceof StreamEvent.StreamClosed) {
                    terminate(Optional.empty());
                } else {
                    break; // InputEnded: the peer is gone
                }
            }
        } catch (MeteredInput.Exceeded e) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                    "too much input before authentication")));
        } catch (IOException e) {
            // reset by peer, or closed by us: either way this connection is over
        } catch (RuntimeException | Error e) {
            // Out of memory, or a bug: this connection ends; the server goes on.
            writer.abort();
        } finally {
            end();
        }
    }

    /**
     * The reader is done: end the stream, tell the engine (the session's rooms and contacts hear
     * it leave now), read what the client still sends until it closes its side (or the timer cuts
     * it off), then close and give the admission back. Each step is taken whatever the others
     * did, out of memory included: a step skipped here would leave a ghost session or a place in
     * the admission taken for good.
     */
    private void end() {
        try {
            terminate(Optional.empty());
        } catch (RuntimeException | Error e) {
            writer.abort();
        }
        try {
            held.handled(held.takeEventBytes()); // an element that never ended
            Session s = session;
            if (s != null) {
                submitSurely(s, () -> context.input().disconnected(s));
            }
            discardUntilClosed();
            writer.awaitEnd(Duration.ofSeconds(Liveness.CLOSE_GRACE_SECONDS)); // our last bytes go first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                socket.close();
            } catch (IOException | RuntimeException e) {
                // already closed
            }
            context.connections().remove(this);
            release();
        }
    }

    /** Submits to the engine, trying again for a while if memory runs short. */
    private void submitSurely(Session s, Runnable task) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                context.engine().submit(s.account(), task);
                return;
            } catch (OutOfMemoryError e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** After our closing tag (RFC 6120 §4.4): what the client still sends is read and dropped. */
    private void discardUntilClosed() {
        try {
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[512];
            while (in.read(sink) >= 0) {
                continue;
            }
        } catch (IOException | RuntimeException e) {
            // closed: by the client, by the writer or by the timer
        }
    }

    private void opened(StreamHeader header) {
        if (phase != Phase.AWAITING_HEADER && phase != Phase.AWAITING_RESTART) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "a stream header where no restart is due (RFC 6120 §4.3.3)")));
            return;
        }
        synchronized (headerLock) {
            if (terminated.get()) {
                return;
            }
            sendHeader();
        }
        boolean ourDomain = header.to().map(to -> to.equalsIgnoreCase(context.identity().domain().toString()))
                .orElse(true);
        if (!header.contentNamespace().equals(Stanza.CLIENT_NAMESPACE)) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.INVALID_NAMESPACE)));
        } else if (!ourDomain) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.HOST_UNKNOWN)));
        } else if (!StreamFeatures.supportsVersion(header.version())) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.UNSUPPORTED_VERSION,
                    "this server speaks XMPP 1.0")));
        } else if (phase == Phase.AWAITING_RESTART) {
            startSession();
            writer.send(StreamFeatures.afterAuthentication());
        } else {
            phase = Phase.NEGOTIATING;
            writer.send(StreamFeatures.beforeAuthentication(context.openRegistration()));
        }
    }

    /** Under the header lock. */
    private void sendHeader() {
        headerSent = true;
        writer.sendMarkup(SERIALIZER.openStream(StreamFeatures.header(context.identity().domain(),
                UUID.randomUUID().toString())));
    }

    /** After authentication: a stanza goes to the engine; its bytes stay held until it is handled. */
    private void stanza(Element element, long bytes) {
        Session bound = session;
        if (bound == null || !ClientStanzas.isStanza(element)) {
            held.handled(bytes);
            terminate(Optional.of(StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "only message, presence and iq after authentication")));
            return;
        }
        // On the account's partition: its sessions' presence bookkeeping stays on one thread.
        boolean queued = context.engine().submit(bound.account(), () -> {
            try {
                context.input().fromClient(bound, element);
            } finally {
                held.handled(bytes);
            }
        });
        if (!queued) {
            held.handled(bytes); // the engine is stopping
        }
    }

    private void received(Element element, Negotiation negotiation) {
        switch (phase) {
            case AWAITING_RESTART -> // after <success/> only a new stream header is allowed (RFC 6120 §6.4.6)
                terminate(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION, "restart the stream")));
            default -> {
                Optional<String> authenticated = negotiation.handle(element);
                if (authenticated.isPresent()) {
                    user = authenticated.get();
                    phase = Phase.AWAITING_RESTART;
                }
            }
        }
    }

    private void startSession() {
        phase = Phase.AUTHENTICATED;
        EntityBareJid account;
        try {
            account = JidCreate.entityBareFrom(user + "@" + context.identity().domain());
        } catch (XmppStringprepException e) {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.NOT_AUTHORIZED)));
            return;
        }
        session = new Session(account, writer, () -> terminate(Optional.empty()), this::bound);
    }

    /** On the engine thread, once the session has bound its resource: it no longer counts as unauthenticated. */
    private void bound() {
        synchronized (admissionLock) {
            if (!released && !bound) {
                bound = true;
                context.admission().authenticated();
            }
        }
    }

    private void ping(long now) {
        Session s = session;
        Optional<EntityFullJid> to = s == null ? Optional.empty() : s.jid();
        if (to.isEmpty()) {
            return;
        }
        pinged = now;
        s.send(Element.builder(Stanza.CLIENT_NAMESPACE, "iq").attribute("type", "get")
                .attribute("id", "ping-" + PINGS.incrementAndGet())
                .attribute("from", context.identity().domain().toString()).attribute("to", to.get().toString())
                .child(Element.empty(ServerIq.PING, "ping")).build());
    }
}
