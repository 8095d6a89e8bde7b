package dev.mucengine.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One client's c2s stream on a {@link SelectorLoop}: connects, authenticates with SASL PLAIN
 * (RFC 6120 §6, RFC 4616; both servers offer it without TLS in their load set-up), restarts the
 * stream, binds a resource (§7) and sends initial presence; then hands every stanza to its
 * {@link Handler}. All of it runs on the loop's thread.
 */
final class XmppConnection implements StanzaFramer.Sink {

    /** What a logged-in connection does with the stanzas it receives. */
    interface Handler {
        /** A stanza, {@code b[from, to)}, on the loop's thread; the bytes are valid during the call only. */
        void stanza(XmppConnection connection, byte[] b, int from, int to);
    }

    private enum Phase { CONNECTING, FEATURES, AUTHENTICATING, RESTARTED, BINDING, READY, CLOSED }

    private static final byte[] FEATURES = Bytes.ascii("<stream:features");
    private static final byte[] SUCCESS = Bytes.ascii("<success");
    private static final byte[] IQ = Bytes.ascii("<iq");
    private static final byte[] RESULT_TYPE = Bytes.ascii("result");
    private static final byte[] STREAM_ERROR = Bytes.ascii("<stream:error");

    private final SelectorLoop loop;
    private final InetSocketAddress address;
    private final String domain;
    private final String user;
    private final String password;
    private final StanzaFramer framer = new StanzaFramer();
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private final CompletableFuture<XmppConnection> loggedIn = new CompletableFuture<>();
    private @Nullable SocketChannel channel;
    private @Nullable SelectionKey key;
    private Phase phase = Phase.CONNECTING;
    private final Handler handler;

    XmppConnection(SelectorLoop loop, InetSocketAddress address, String domain, String user, String password,
            Handler handler) {
        this.loop = loop;
        this.address = address;
        this.domain = domain;
        this.user = user;
        this.password = password;
        this.handler = handler;
    }

    /** Starts connecting; the future completes once the connection is bound and present. */
    CompletableFuture<XmppConnection> logIn() {
        loop.execute(this::connect);
        return loggedIn;
    }

    SelectorLoop loop() {
        return loop;
    }

    String user() {
        return user;
    }

    /** Sends raw XML; on the loop's thread only. */
    void send(String xml) {
        send(xml.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] data) {
        if (phase == Phase.CLOSED || channel == null || key == null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        try {
            if (output.isEmpty()) {
                channel.write(buffer);
                if (!buffer.hasRemaining()) {
                    return;
                }
            }
            output.add(buffer);
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } catch (IOException e) {
            fail("write failed: " + e.getMessage());
        }
    }

    private void connect() {
        try {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            c.socket().setTcpNoDelay(true);
            channel = c;
            key = c.register(loop.selector(), SelectionKey.OP_CONNECT, this);
            if (c.connect(address)) {
                connected();
            }
        } catch (IOException e) {
            fail("connect failed: " + e.getMessage());
        }
    }

    private void connected() {
        key.interestOps(SelectionKey.OP_READ);
        phase = Phase.FEATURES;
        sendHeader();
    }

    private void sendHeader() {
        send("<?xml version='1.0'?><stream:stream to='" + domain + "' version='1.0' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>");
    }

    /** The selector says the channel is ready. */
    void ready(SelectionKey k) {
        try {
            if (!k.isValid()) {
                return;
            }
            if (k.isConnectable()) {
                channel.finishConnect();
                connected();
                return;
            }
            if (k.isWritable()) {
                flush();
            }
            if (k.isValid() && k.isReadable()) {
                read();
            }
        } catch (IOException e) {
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void flush() throws IOException {
        while (!output.isEmpty()) {
            ByteBuffer head = output.peek();
            channel.write(head);
            if (head.hasRemaining()) {
                return;
            }
            output.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    private void read() throws IOException {
        ByteBuffer buffer = loop.readBuffer();
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            fail("the server closed the connection");
            return;
        }
        framer.feed(buffer.array(), 0, n, this);
    }

    @Override
    public void streamOpened() {
        // the features follow
    }

    @Override
    public void streamClosed() {
        fail("the server closed the stream");
    }

    @Override
    public void element(byte[] b, int from, int to) {
        if (phase == Phase.READY) {
            handler.stanza(this, b, from, to);
            return;
        }
        if (Bytes.startsWith(b, from, to, STREAM_ERROR)) {
            fail("stream error: " + new String(b, from, to - from, StandardCharsets.UTF_8));
            return;
        }
        switch (phase) {
            case FEATURES -> {
                if (Bytes.startsWith(b, from, to, FEATURES)) {
                    String credentials = "\0" + user + "\0" + password;
                    send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "</auth>");
                    phase = Phase.AUTHENTICATING;
                }
            }
            case AUTHENTICATING -> {
                if (!Bytes.startsWith(b, from, to, SUCCESS)) {
                    fail("authentication failed: " + new String(b, from, to - from, StandardCharsets.UTF_8));
                    return;
                }
                framer.restart();
                phase = Phase.RESTARTED;
                sendHeader();
            }
            case RESTARTED -> {
                if (Bytes.startsWith(b, from, to, FEATURES)) {
                    send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                            + "<resource>load</resource></bind></iq>");
                    phase = Phase.BINDING;
                }
            }
            case BINDING -> {
                if (Bytes.startsWith(b, from, to, IQ)) {
                    if (!Bytes.contains(b, from, to, RESULT_TYPE)) {
                        fail("bind failed: " + new String(b, from, to - from, StandardCharsets.UTF_8));
                        return;
                    }
                    send("<presence/>");
                    phase = Phase.READY;
                    loggedIn.complete(this);
                }
            }
            default -> {
                // nothing else is expected before READY
            }
        }
    }

    private void fail(String why) {
        if (phase != Phase.READY || !loggedIn.isDone()) {
            loggedIn.completeExceptionally(new IOException(user + ": " + why));
        }
        closeChannel();
    }

    private void closeChannel() {
        phase = Phase.CLOSED;
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Closes the socket without a closing stream tag (both servers treat it as a disconnect). */
    void close() {
        loop.execute(this::closeChannel);
    }

    boolean isClosed() {
        return phase == Phase.CLOSED;
    }
}
