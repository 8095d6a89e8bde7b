package dev.mucengine.server.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.StreamHeader;
import dev.mucengine.xml.XmppStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of XEP-0114 on loopback, for tests: accepts connections, checks the handshake
 * digest (computed here independently of {@link HandshakeDigest}), answers {@code <handshake/>} or
 * {@code <stream:error><not-authorized/>}, then records everything the component sends.
 */
final class FakeComponentServer implements AutoCloseable {

    /** Bounds every wait so a broken component fails the test instead of hanging the build. */
    private static final long WAIT_SECONDS = 20;
    private static final int RECEIVE_BUFFER = 16 * 1024;

    private final String domain;
    private final String secret;
    private final ServerSocket server;
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private final AtomicInteger streamIds = new AtomicInteger();

    FakeComponentServer(String domain, String secret) throws IOException {
        this.domain = domain;
        this.secret = secret;
        this.server = new ServerSocket();
        // Small, so that a session that stops reading pushes back on the component after a few kilobytes.
        server.setReceiveBufferSize(RECEIVE_BUFFER);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        Thread acceptor = new Thread(this::acceptLoop, "fake-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection, once its handshake has been judged. */
    Session nextSession() throws InterruptedException {
        Session s = sessions.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(s).as("a component connection within " + WAIT_SECONDS + " s").isNotNull();
        return s;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Session s : sessions) {
            s.drop();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket), "fake-server-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try {
            Session session = new Session(socket, "stream-" + streamIds.incrementAndGet());
            session.handshake();
            sessions.add(session);
            if (session.accepted) {
                session.readLoop();
            }
        } catch (IOException e) {
            // The component went away; the test notices through what it did not receive.
        }
    }

    static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One accepted connection. */
    final class Session {
        final String streamId;
        private final Socket socket;
        private final XmppStreamReader reader;
        private final OutputStream out;
        private final BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        /** Open while the session reads; closed by {@link #stopReading}, so that TCP pushes back on the component. */
        private volatile CountDownLatch readGate = new CountDownLatch(0);
        volatile StreamHeader componentHeader = StreamHeader.of("", List.of());
        volatile String digest = "";
        volatile boolean accepted;

        Session(Socket socket, String streamId) throws IOException {
            this.socket = socket;
            this.streamId = streamId;
            this.reader = new XmppStreamReader(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void handshake() throws IOException {
            StreamEvent first = reader.next();
            if (!(first instanceof StreamEvent.StreamOpened opened)) {
                drop();
                return;
            }
            componentHeader = opened.header();
            send("<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'"
                    + " xmlns='jabber:component:accept' from='" + domain + "' id='" + streamId + "'>");
            StreamEvent second = reader.next();
            if (second instanceof StreamEvent.ElementReceived e && e.element().localName().equals("handshake")) {
                digest = e.element().text();
            }
            accepted = digest.equals(sha1Hex(streamId + secret));
            if (accepted) {
                send("<handshake/>");
            } else {
                send("<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "</stream:error></stream:stream>");
                drop();
            }
        }

        private void readLoop() throws IOException {
            while (true) {
                awaitGate();
                StreamEvent e = reader.next();
                events.add(e);
                if (e instanceof StreamEvent.StreamClosed) {
                    send("</stream:stream>"); // as a real server answers the component's close
                    drop();
                }
                if (!(e instanceof StreamEvent.ElementReceived)) {
                    return;
                }
            }
        }

        /** From the next element on, reads nothing until {@link #readAgain}, like a server that is stuck. */
        void stopReading() {
            readGate = new CountDownLatch(1);
        }

        void readAgain() {
            readGate.countDown();
        }

        private void awaitGate() {
            try {
                readGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Writes raw XML, as a server would route a stanza to the component. */
        void send(String xml) throws IOException {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        StreamEvent nextEvent() throws InterruptedException {
            StreamEvent e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(e).as("something from the component within " + WAIT_SECONDS + " s").isNotNull();
            return e;
        }

        Element nextElement() throws InterruptedException {
            StreamEvent e = nextEvent();
            assertThat(e).isInstanceOf(StreamEvent.ElementReceived.class);
            return ((StreamEvent.ElementReceived) e).element();
        }

        /** The next presence, skipping messages (a join also brings the room's subject). */
        Element nextPresence() throws InterruptedException {
            while (true) {
                Element e = nextElement();
                if (!e.localName().equals("message")) {
                    return e;
                }
            }
        }

        /** Closes the TCP connection without closing the stream, like a crashing server. */
        void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
