package dev.mucengine.server.component;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ChannelInput;
import dev.mucengine.server.ChannelOutput;
import dev.mucengine.server.FanoutSerializer;
import dev.mucengine.server.OutputItem;
import dev.mucengine.server.SelectorLoop;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmlSerializer;
import dev.mucengine.xml.XmppPushReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One XEP-0114 connection on the component's {@link SelectorLoop}: a non-blocking connect, the
 * handshake ({@link ComponentHandshake}), then the stream. The loop's thread reads what the
 * server sends, feeds the connection's {@link XmppPushReader} and hands each stanza to the
 * {@link Events}; while the engine has no room for it, reading pauses ({@link #resume}) and TCP
 * pushes back on the server. Everything sent goes through a {@link ChannelOutput} under
 * back-pressure: an engine thread that sends while the server does not read waits for room; the
 * loop's thread never waits, it is the one that writes.
 *
 * <p>Loop thread only, but for {@link #send}. After our closing tag the connection reads on until
 * the server closes its side, and closes once our last bytes are out; at most a second later in
 * any case, so that a server that stops reading does not hold up a reconnection.
 */
final class ComponentConnection implements SelectorLoop.Handler {

    /** The content namespace of a component stream (XEP-0114). */
    static final String NAMESPACE = "jabber:component:accept";
    /** How long our closing tag may take to go out once the stream is over. */
    private static final long LAST_BYTES_NANOS = 1_000_000_000L;
    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    /** What the component hears from its connection, on the loop's thread. */
    interface Events {

        /** The server accepted the handshake: stanzas flow both ways from now on. */
        void authenticated(ComponentConnection connection);

        /** A stanza from the server; false if the engine has no room: reading pauses until {@link #resume}. */
        boolean received(Element stanza);

        /** The connection is closed, for {@code reason}; {@code rejection} if the server refused the handshake. */
        void ended(ComponentConnection connection, String reason, Optional<HandshakeRejectedException> rejection);
    }

    private final SocketChannel channel;
    private final SelectorLoop loop;
    private final Events events;
    private final ChannelInput input;
    private final ChannelOutput output;
    private final XmppPushReader reader;
    private final ComponentHandshake handshake;
    /** The engine's fan-outs, serialized once on the sending (engine) threads. */
    private final FanoutSerializer fanout = new FanoutSerializer(NAMESPACE);
    private final long handshakeTimeoutNanos;
    private final boolean connectedAtOnce;
    private final CountDownLatch closedSignal = new CountDownLatch(1);

    // The loop's thread only.
    private boolean paused;
    private boolean inputOver;
    private boolean closeSent;
    private boolean outputOver;
    private boolean closed;
    private String reason = "the connection ended";
    private Optional<String> serverError = Optional.empty();

    private ComponentConnection(SocketChannel channel, boolean connectedAtOnce, ComponentSettings settings,
            SelectorLoop loop, Events events) {
        this.channel = channel;
        this.connectedAtOnce = connectedAtOnce;
        this.loop = loop;
        this.events = events;
        this.input = new ChannelInput(channel, Long.MAX_VALUE); // the server is trusted: only its limits apply
        this.output = ChannelOutput.waitingForRoom(settings.outboundBytes(), NAMESPACE,
                () -> loop.execute(this::flush), () -> !loop.inLoop());
        this.reader = new XmppPushReader(settings.limits());
        this.handshake = new ComponentHandshake(settings, output);
        this.handshakeTimeoutNanos = Math.max(1, settings.handshakeTimeout().toNanos());
    }

    /**
     * Starts connecting to the server (any thread); the loop takes it from there and reports to
     * {@code events}.
     *
     * @throws IOException if there is no connecting to the configured address at all
     */
    static ComponentConnection open(ComponentSettings settings, SelectorLoop loop, Events events) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            boolean connected = channel.connect(new InetSocketAddress(settings.host(), settings.port()));
            ComponentConnection connection = new ComponentConnection(channel, connected, settings, loop, events);
            loop.register(channel, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, connection);
            return connection;
        } catch (IOException | UnresolvedAddressException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException("unknown host " + settings.host());
        }
    }

    @Override
    public void attached(SelectionKey selectionKey) {
        input.attached(selectionKey);
        // Connecting and the handshake together: a server that never answers fails the attempt.
        loop.schedule(handshakeTimeoutNanos, () -> {
            if (!handshake.done()) {
                close("no handshake within " + handshakeTimeoutNanos / 1_000_000 + " ms", Optional.empty());
            }
        });
        if (connectedAtOnce) {
            handshake.start();
        }
    }

    @Override
    public void ready(SelectionKey selectionKey) {
        if (selectionKey.isConnectable()) {
            connected(selectionKey);
        }
        if (selectionKey.isValid() && selectionKey.isWritable()) {
            flush();
        }
        if (selectionKey.isValid() && selectionKey.isReadable()) {
            readable();
        }
    }

    @Override
    public void failed() {
        close("the connection failed", Optional.empty());
    }

    /** Any thread (an engine thread): queues a stanza; waits while the server does not read. */
    void send(Stanza stanza) {
        Element element = stanza.element();
        output.send(fanout.serialize(element).map(OutputItem::spliced).orElseGet(() -> OutputItem.element(element)));
    }

    /** Queues {@code </stream:stream>} after everything already queued; the server then closes. */
    void closeStream() {
        endStream(Optional.empty());
    }

    /** Closes the socket now, dropping what is queued (an engine thread waiting for room goes on). */
    void abort(String why) {
        close(why, Optional.empty());
    }

    /** Any thread: waits until the connection is closed; true if it is. */
    boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closedSignal.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The engine has room again: what was read and kept is handed on, then reading goes on. */
    void resume() {
        if (!paused || closed) {
            return;
        }
        paused = false;
        ByteBuffer rest = input.unconsumed();
        if (rest != null) {
            consume(rest);
            if (rest.hasRemaining() && !inputOver) {
                return; // paused again: the rest waits
            }
            input.drop();
        }
        if (!paused && !inputOver) {
            input.reading(true);
        }
    }

    private void connected(SelectionKey selectionKey) {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            close(String.valueOf(e.getMessage()), Optional.empty()); // the link says "cannot connect to ..."
            return;
        }
        selectionKey.interestOps(SelectionKey.OP_READ);
        handshake.start();
    }

    private void readable() {
        ByteBuffer buffer;
        try {
            buffer = input.read(loop.readBuffer(), true);
        } catch (ChannelInput.OverBudget | IOException e) {
            close("connection failed: " + e.getMessage() + afterServerError(), Optional.empty());
            return;
        }
        if (buffer == null) {
            event(reader.end()); // the server dropped the connection, maybe inside an element
            return;
        }
        consume(buffer);
        if (buffer.hasRemaining() && !inputOver && !closed) {
            input.keep(buffer);
        }
    }

    private void consume(ByteBuffer buffer) {
        while (!inputOver && !paused && !closed) {
            Optional<StreamEvent> event = reader.next(buffer);
            if (event.isEmpty()) {
                return;
            }
            event(event.get());
        }
    }

    private void event(StreamEvent event) {
        if (!handshake.done()) {
            ComponentHandshake.Step step = handshake.event(event);
            if (step instanceof ComponentHandshake.Step.Accepted) {
                events.authenticated(this);
            } else if (step instanceof ComponentHandshake.Step.Failed failed) {
                close(failed.reason(), failed.rejection());
            }
            return;
        }
        if (event instanceof StreamEvent.ElementReceived received) {
            Element e = received.element();
            if (e.namespace().equals(Stanza.CLIENT_NAMESPACE)) {
                if (!events.received(e)) {
                    paused = true; // the engine is full: TCP pushes back on the server
                    input.reading(false);
                }
            } else if (e.is(StreamError.STREAMS_NAMESPACE, "error")) {
                serverError = Optional.of(ComponentHandshake.condition(e)); // the server closes the stream next
            }
            return;
        }
        if (event instanceof StreamEvent.StreamFailed failed) {
            endStream(Optional.of(failed.error().toElement()));
        } else if (event instanceof StreamEvent.StreamClosed) {
            closeStream(); // answer the server's close, as RFC 6120 §4.4 asks
        }
        reason = ComponentHandshake.describe(event) + afterServerError();
        inputEnded();
    }

    /** Nothing more is read; the socket closes once our last bytes are out, or at once if we sent none. */
    private void inputEnded() {
        inputOver = true;
        input.drop();
        input.reading(false);
        if (!closeSent || outputOver) {
            close(reason, Optional.empty());
        } else {
            loop.schedule(LAST_BYTES_NANOS, () -> close(reason, Optional.empty()));
        }
    }

    /**
     * The closing tag, right after a stream error if there is one (one piece, so no stanza gets
     * in between); the socket stays open for the server's closing tag.
     */
    private void endStream(Optional<Element> streamError) {
        if (closed || closeSent) {
            return;
        }
        closeSent = true;
        output.finish(streamError.map(e -> SERIALIZER.toXmlInStream(e, NAMESPACE)).orElse("")
                + SERIALIZER.closeStream());
    }

    private void flush() {
        if (closed || !channel.isConnected()) {
            return; // connected later: the handshake queues the first bytes then
        }
        try {
            switch (output.write(channel, loop.writeBuffer())) {
                case IDLE -> input.writing(false);
                case BLOCKED -> input.writing(true);
                case ENDED -> {
                    outputOver = true;
                    input.writing(false);
                    if (inputOver) {
                        close(reason, Optional.empty());
                    }
                }
            }
        } catch (IOException e) {
            close("connection failed: " + e.getMessage() + afterServerError(), Optional.empty());
        }
    }

    /** Closes the socket, drops what is queued (waiting senders go on) and tells the component. Once. */
    private void close(String why, Optional<HandshakeRejectedException> rejection) {
        if (closed) {
            return;
        }
        closed = true;
        input.close();
        output.close();
        loop.forget(this);
        closedSignal.countDown();
        events.ended(this, why, rejection);
    }

    private String afterServerError() {
        return serverError.map(c -> " after stream error " + c).orElse("");
    }
}
