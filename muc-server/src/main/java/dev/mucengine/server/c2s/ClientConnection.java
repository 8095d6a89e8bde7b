package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ChannelInput;
import dev.mucengine.server.ChannelOutput;
import dev.mucengine.server.EngineInbox;
import dev.mucengine.server.SelectorLoop;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmlSerializer;
import dev.mucengine.xml.XmppPushReader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * One client connection, owned by one {@link SelectorLoop}: the loop's thread reads what has
 * arrived, feeds it to the connection's {@link XmppPushReader}, lets its {@link StreamSetup}
 * negotiate the stream (header, SASL or registration, restart) and hands every stanza to the
 * engine, in order ({@link EngineInbox}, which stops reading while the engine's queue is full).
 * Output goes through the connection's {@link ChannelOutput}, which disconnects a client that
 * stops reading. Other threads only hand the loop work ({@link #terminateSoon}, {@link #evict}).
 *
 * <p>A stream that ends takes the session along, whose unavailable presence then goes to every
 * room and contact, as after a disconnect. After authentication only stanzas are accepted;
 * {@code <starttls/>}, {@code <auth/>} or anything else ends the stream with
 * {@code unsupported-stanza-type}.
 *
 * <p>After our closing tag (RFC 6120 §4.4) what the client still sends is read and dropped
 * until it closes its side; then, once our last bytes are written, the socket is closed. A client
 * that does neither is cut off by {@link Liveness}.
 */
final class ClientConnection implements SelectorLoop.Handler {

    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private final SocketChannel channel;
    private final ServerContext context;
    private final SelectorLoop loop;
    private final ChannelOutput output;
    private final XmppPushReader reader;
    private final StreamSetup setup;
    private final EngineInbox inbox;
    private final ClientStanzaRoute route;
    private final HeldShare held;
    private final long accepted = System.nanoTime();
    private final ChannelInput input;
    private volatile boolean evicted;
    private final AdmissionPlace place;

    // The loop's thread only.
    private boolean terminated;
    private boolean inputOver;
    private boolean outputOver;
    private boolean closed;
    /** An element whose handling waits ({@link StreamSetup#delayBefore}); input is paused meanwhile. */
    private boolean delayed;
    /** Bytes the stream reader took since its last event: the next event's. */
    private long consumedSinceEvent;
    private long lastInput = accepted;
    private long pinged;
    private long ended;

    /** A connection the {@link Admission} has counted; the loop then {@link SelectorLoop#register registers} it. */
    ClientConnection(SocketChannel channel, InetAddress address, ServerContext context, SelectorLoop loop) {
        this.channel = channel;
        this.context = context;
        this.loop = loop;
        this.held = new HeldShare(context.heldInput());
        this.place = new AdmissionPlace(context.admission(), address);
        this.input = new ChannelInput(channel, context.limits().maxBytesBeforeAuthentication());
        this.output = new ChannelOutput(context.limits().maxOutputBytes(), context.outputBudget(),
                Stanza.CLIENT_NAMESPACE, () -> loop.execute(this::flush), () -> loop.execute(this::close));
        this.reader = new XmppPushReader(context.limits().xmlLimits());
        this.setup = new StreamSetup(context, address, output, input::lift, this::terminate,
                () -> terminateSoon(Optional.empty()), place::bind);
        this.inbox = new EngineInbox(context.engine(), loop, this::engineCaughtUp);
        this.route = new ClientStanzaRoute(context.engine().serviceDomain());
    }

    /** Loop thread: the channel is registered for reading. */
    @Override
    public void attached(SelectionKey selectionKey) {
        input.attached(selectionKey);
    }

    /** Loop thread: the socket takes more output, or has bytes (or the end of input) to read. */
    @Override
    public void ready(SelectionKey key) {
        if (key.isWritable()) {
            flush();
        }
        if (key.isValid() && key.isReadable()) {
            readable();
        }
    }

    /** Any thread: ends the stream soon, on the loop's thread (see {@link #terminate}). */
    void terminateSoon(Optional<StreamError> error) {
        loop.execute(() -> terminate(error));
    }

    /** Whether this connection's last bytes are written (or it is closed): shutdown waits for that. */
    boolean outputDone() {
        return output.over();
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
     * Any thread: ends the connection because it holds the most input when the server holds too
     * much: the stream error, and nothing more is read.
     */
    void evict() {
        evicted = true;
        loop.execute(() -> {
            terminate(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                    "the server holds too much unfinished input; yours was the largest")));
            inputEnded();
        });
    }

    /** Gives the connection's place in the {@link Admission} back. Once; later calls do nothing. */
    void release() {
        place.release();
    }

    /** Loop thread: the selector says there are bytes (or the end of input) to read. */
    private void readable() {
        ByteBuffer buffer;
        try {
            buffer = input.read(loop.readBuffer(), terminated);
        } catch (ChannelInput.OverBudget e) {
            // Read on and drop (terminate does): closing now would reset a client still sending,
            // which may then never read the stream error; Liveness cuts off one that never stops.
            terminate(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION, e.getMessage())));
            return;
        } catch (IOException e) {
            close(); // reset by the peer
            return;
        }
        if (buffer == null) {
            endOfInput();
            return;
        }
        if (!buffer.hasRemaining() || terminated) {
            return; // after our closing tag, input is dropped
        }
        held.read(buffer.remaining());
        consume(buffer);
        if (buffer.hasRemaining() && !terminated) {
            input.keep(buffer); // input paused: the rest waits
        }
    }

    /** Loop thread: the loop's tick asks whether the connection has been quiet too long. */
    @Override
    public void tick(long now) {
        switch (Liveness.check(context.limits(), new Liveness.Times(accepted, place.bound(), lastInput, pinged, ended),
                now)) {
            case PING -> ping(now);
            case CLOSE_UNAUTHENTICATED -> terminate(Optional.of(StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT,
                    "not authenticated within " + context.limits().authTimeout().toSeconds() + " s")));
            case CLOSE_IDLE -> terminate(Optional.of(StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT,
                    "no answer to a ping")));
            case ABORT -> close();
            case NONE -> {
                // alive
            }
        }
    }

    /** Loop thread: something failed (a bug, out of memory), or the loop stops: this connection ends. */
    @Override
    public void failed() {
        close();
    }

    /** Events from the bytes, as long as the stream goes on and input is not paused. */
    private void consume(ByteBuffer buffer) {
        while (!terminated && !inputPaused()) {
            int before = buffer.position();
            Optional<StreamEvent> event = reader.next(buffer);
            consumedSinceEvent += buffer.position() - before;
            if (event.isEmpty()) {
                return;
            }
            long eventBytes = held.takeEventBytes(consumedSinceEvent);
            consumedSinceEvent = 0;
            event(event.get(), eventBytes);
        }
    }

    private boolean inputPaused() {
        return delayed || inbox.waiting();
    }

    private void event(StreamEvent event, long eventBytes) {
        lastInput = System.nanoTime();
        if (event instanceof StreamEvent.ElementReceived received && setup.authenticated()) {
            stanza(received.element(), eventBytes); // held until the engine has handled it
            return;
        }
        held.handled(eventBytes);
        if (event instanceof StreamEvent.StreamOpened opened) {
            setup.opened(opened.header());
        } else if (event instanceof StreamEvent.ElementReceived received) {
            received(received.element());
        } else if (event instanceof StreamEvent.StreamFailed failed) {
            terminate(Optional.of(failed.error()));
        } else {
            terminate(Optional.empty()); // the client closed the stream, or its input ended
        }
    }

    /** The peer closed its side: the stream ends (if it had not), and the socket once our last bytes are out. */
    private void endOfInput() {
        if (!terminated) {
            StreamEvent last = reader.end();
            held.handled(held.takeUnattributed()); // an element that never ended
            terminate(last instanceof StreamEvent.StreamFailed failed ? Optional.of(failed.error()) : Optional.empty());
        }
        inputEnded();
    }

    /** Nothing more is read; the socket closes once our last bytes are written. */
    private void inputEnded() {
        inputOver = true;
        input.drop();
        input.reading(false);
        if (outputOver) {
            close();
        }
    }

    /**
     * Ends the stream: optionally a stream error, then the closing tag; the session leaves the
     * engine (its rooms and contacts hear it leave now, after every stanza it sent before). Once;
     * later calls do nothing.
     */
    private void terminate(Optional<StreamError> error) {
        if (terminated) {
            return;
        }
        terminated = true;
        ended = System.nanoTime();
        input.drop();
        setup.ensureHeaderSent();
        // One piece: no stanza can get in between the stream error and the closing tag.
        String errorXml = error.map(e -> SERIALIZER.toXmlInStream(e.toElement(), Stanza.CLIENT_NAMESPACE)).orElse("");
        output.finish(errorXml + SERIALIZER.closeStream());
        held.handled(held.takeUnattributed());
        Session s = setup.session();
        if (s != null) {
            inbox.submit(s.account(), () -> context.input().disconnected(s), () -> { });
        }
        if (!inbox.waiting() && !inputOver) {
            input.reading(true); // read and drop until the client closes
        }
    }

    /** Loop thread: writes what is queued, as much as the socket takes. */
    private void flush() {
        if (closed) {
            return;
        }
        try {
            switch (output.write(channel, loop.writeBuffer())) {
                case IDLE -> input.writing(false);
                case BLOCKED -> input.writing(true);
                case ENDED -> lastBytesWritten();
            }
        } catch (IOException e) {
            close(); // the peer is gone
        }
    }

    /** Our closing tag is out: the client reads the end of the stream; we read on until it closes. */
    private void lastBytesWritten() {
        outputOver = true;
        input.writing(false);
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            close();
            return;
        }
        if (inputOver) {
            close();
        }
    }

    /** Loop thread: the engine took every task this connection had waiting; input goes on. */
    private void engineCaughtUp() {
        if (closed || inputOver) {
            return;
        }
        if (!terminated) {
            ByteBuffer rest = input.unconsumed();
            if (rest != null) {
                consume(rest);
                if (rest.hasRemaining() && !terminated) {
                    return; // paused again: the rest waits
                }
                input.drop();
            }
            if (inputPaused()) {
                return;
            }
        }
        input.reading(true);
    }

    /**
     * Closes the socket now and gives everything back: the session leaves the engine if it had
     * not, the output's bytes, the admission. Once.
     */
    private void close() {
        if (closed) {
            return;
        }
        terminate(Optional.empty()); // does nothing if the stream had ended; the output may be over
        closed = true;
        input.close();
        output.close();
        held.handled(held.takeUnattributed());
        loop.forget(this);
        context.connections().remove(this);
        release();
    }

    /** After authentication: a stanza goes to the engine; its bytes stay held until it is handled. */
    private void stanza(Element element, long bytes) {
        Session s = setup.session();
        if (s == null || !ClientStanzas.isStanza(element)) {
            held.handled(bytes);
            terminate(Optional.of(StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "only message, presence and iq after authentication")));
            return;
        }
        route.submit(inbox, s, element, () -> context.input().fromClient(s, element),
                () -> held.handled(bytes));
        if (inbox.waiting()) {
            input.reading(false); // the engine is full: TCP pushes back on the client
        }
    }

    /** Before authentication: the element goes to the {@link StreamSetup}, at once or after its delay. */
    private void received(Element element) {
        Duration delay = setup.delayBefore(element);
        if (delay.isZero()) {
            setup.received(element);
            return;
        }
        delayed = true; // an address with recent failures waits; only this connection does
        input.reading(false);
        loop.schedule(delay.toNanos(), () -> {
            delayed = false;
            if (!terminated && !closed) {
                setup.received(element);
                engineCaughtUp(); // the bytes that came after the attempt, then reading again
            }
        });
    }

    private void ping(long now) {
        Session s = setup.session();
        Optional<EntityFullJid> to = s == null ? Optional.empty() : s.jid();
        if (to.isEmpty()) {
            return;
        }
        pinged = now;
        s.send(Liveness.ping(context.identity().domain(), to.get()));
    }
}
