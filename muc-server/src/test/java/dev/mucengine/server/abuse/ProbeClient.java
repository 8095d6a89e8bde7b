package dev.mucengine.server.abuse;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmppStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A raw client for the abuse tests: a socket from a chosen loopback address (the whole of
 * 127.0.0.0/8 reaches the server, so each probe can be its own "IP address"), raw XML out and
 * parsed events in, with the steps of a login as helpers.
 */
final class ProbeClient implements AutoCloseable {

    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String STREAMS = "urn:ietf:params:xml:ns:xmpp-streams";
    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    static final String HEADER = "<?xml version='1.0'?><stream:stream to='localhost' version='1.0'"
            + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    /** A guard against hanging the build, not a timing assertion. */
    private static final int READ_GUARD_MILLIS = 30_000;

    private final Socket socket;
    private final OutputStream out;
    private final XmppStreamReader reader;

    private ProbeClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new XmppStreamReader(socket.getInputStream());
    }

    /** Connects from {@code from} (a 127.x.y.z address) to the server on loopback. */
    static ProbeClient connect(String from, int port) throws IOException {
        return connect(from, port, 0);
    }

    /** As {@link #connect(String, int)}, with a receive buffer of that size (0: the default). */
    static ProbeClient connect(String from, int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_GUARD_MILLIS);
        s.setSoTimeout(READ_GUARD_MILLIS);
        return new ProbeClient(s);
    }

    /** Connects from {@code from}, logs in with PLAIN and binds {@code resource}. */
    static ProbeClient loggedIn(String from, int port, String user, String password, String resource)
            throws IOException {
        ProbeClient c = connect(from, port);
        c.open();
        Element answer = c.auth(user, password);
        if (!answer.localName().equals("success")) {
            throw new IOException("login of " + user + " failed: " + answer);
        }
        c.open();
        c.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>");
        c.next(e -> e.attribute("id").filter("bind"::equals).isPresent());
        return c;
    }

    static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the stream header; returns the server's features. */
    Element open() throws IOException {
        send(HEADER);
        StreamEvent e = reader.next();
        if (!(e instanceof StreamEvent.StreamOpened)) {
            throw new IOException("expected a stream header, got " + e);
        }
        return next();
    }

    /** One PLAIN attempt; returns the server's answer ({@code success} or {@code failure}). */
    Element auth(String user, String password) throws IOException {
        send("<auth xmlns='" + SASL + "' mechanism='PLAIN'>" + plain(user, password) + "</auth>");
        return next();
    }

    void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    StreamEvent nextEvent() throws IOException {
        return reader.next();
    }

    /** The next element; fails on anything else. */
    Element next() throws IOException {
        StreamEvent e = reader.next();
        if (e instanceof StreamEvent.ElementReceived r) {
            return r.element();
        }
        throw new IOException("expected an element, got " + e);
    }

    /** The next element that satisfies the test, skipping others. */
    Element next(Predicate<Element> test) throws IOException {
        while (true) {
            Element e = next();
            if (test.test(e)) {
                return e;
            }
        }
    }

    /** The answer with id {@code id}: empty if it is no error, else its condition. */
    Optional<String> errorOf(String id) throws IOException {
        return errorCondition(next(e -> e.attribute("id").filter(id::equals).isPresent()));
    }

    /** The stanza's error condition ("unknown" if it names none), or empty if it is no error. */
    static Optional<String> errorCondition(Element stanza) {
        if (!stanza.attribute("type").filter("error"::equals).isPresent()) {
            return Optional.empty();
        }
        return stanza.child("jabber:client", "error").flatMap(e -> e.elements().stream()
                .filter(c -> c.namespace().equals(STANZAS) && !c.localName().equals("text")).findFirst())
                .map(Element::localName).or(() -> Optional.of("unknown"));
    }

    /**
     * Reads to the end of the stream and returns the stream error's condition, if there was one;
     * fails if the stream does not end.
     */
    Optional<String> streamError() throws IOException {
        Optional<String> condition = Optional.empty();
        while (true) {
            StreamEvent e;
            try {
                e = reader.next();
            } catch (IOException reset) {
                return condition; // reset by the server after its last bytes
            }
            if (e instanceof StreamEvent.ElementReceived r) {
                if (r.element().is("http://etherx.jabber.org/streams", "error")) {
                    condition = r.element().elements().stream().filter(c -> c.namespace().equals(STREAMS))
                            .filter(c -> !c.localName().equals("text")).findFirst().map(Element::localName);
                }
            } else if (!(e instanceof StreamEvent.StreamOpened)) {
                return condition; // closed, ended or failed
            }
        }
    }

    /** Whether the server has closed the connection (reading to its end, whatever comes first). */
    boolean closedByServer() {
        try {
            while (true) {
                StreamEvent e = reader.next();
                if (!(e instanceof StreamEvent.ElementReceived || e instanceof StreamEvent.StreamOpened)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    /** From now on reads wait as long as the connection lives (for a reader thread of its own). */
    void noReadGuard() throws IOException {
        socket.setSoTimeout(0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
