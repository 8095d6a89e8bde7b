package dev.mucengine.server.c2s;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmppStreamReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A minimal XMPP client for tests: raw XML out, parsed events in; a recording one also keeps
 * every byte it read and every element parsed after login.
 */
public final class RawClient implements AutoCloseable {

    static final String HEADER = "<?xml version='1.0'?><stream:stream to='localhost' version='1.0'"
            + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    private final Socket socket;
    private final OutputStream out;
    private final XmppStreamReader reader;
    /** Every byte read, when recording; from the first, since the reader may read ahead. */
    private final @Nullable ByteArrayOutputStream recordedBytes;
    private final List<Element> recordedElements = new ArrayList<>();
    private boolean recordingElements;

    RawClient(int port) throws IOException {
        this(port, false);
    }

    private RawClient(int port, boolean recording) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000); // a guard against hanging the build, not a timing assertion
        out = socket.getOutputStream();
        recordedBytes = recording ? new ByteArrayOutputStream() : null;
        reader = new XmppStreamReader(recording ? tee(socket.getInputStream(), recordedBytes) : socket.getInputStream());
    }

    /** Connects, authenticates with PLAIN and binds {@code resource}. */
    public static RawClient loggedIn(int port, String user, String password, String resource) throws IOException {
        return loggedIn(new RawClient(port), user, password, resource);
    }

    /**
     * As {@link #loggedIn}, recording: {@link #recordedBytes} from the connection's first byte,
     * {@link #recordedElements} from after the bind.
     */
    static RawClient recording(int port, String user, String password, String resource) throws IOException {
        RawClient c = loggedIn(new RawClient(port, true), user, password, resource);
        c.recordingElements = true;
        return c;
    }

    /** Every byte read so far (a recording client only). */
    byte[] recordedBytes() {
        return Objects.requireNonNull(recordedBytes, "not a recording client").toByteArray();
    }

    /** Every element read since the bind (a recording client only). */
    List<Element> recordedElements() {
        return recordedElements;
    }

    private static InputStream tee(InputStream in, ByteArrayOutputStream copy) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    copy.write(buffer, offset, n);
                }
                return n;
            }
        };
    }

    private static RawClient loggedIn(RawClient c, String user, String password, String resource) throws IOException {
        c.open();
        c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + plain(user, password) + "</auth>");
        Element success = c.next();
        if (!success.localName().equals("success")) {
            throw new IOException("login failed: " + success);
        }
        c.open();
        c.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                + resource + "</resource></bind></iq>");
        c.next();
        return c;
    }

    static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a stream header and returns the server's features. */
    Element open() throws IOException {
        send(HEADER);
        StreamEvent e = reader.next();
        if (!(e instanceof StreamEvent.StreamOpened)) {
            throw new IOException("expected a stream header, got " + e);
        }
        return next();
    }

    public void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next element; fails on anything else. */
    Element next() throws IOException {
        StreamEvent e = reader.next();
        if (e instanceof StreamEvent.ElementReceived r) {
            if (recordingElements) {
                recordedElements.add(r.element());
            }
            return r.element();
        }
        throw new IOException("expected an element, got " + e);
    }

    /** The next element that satisfies the test, skipping others (presence noise, etc.). */
    Element nextMatching(Predicate<Element> test) throws IOException {
        while (true) {
            Element e = next();
            if (test.test(e)) {
                return e;
            }
        }
    }

    public StreamEvent nextEvent() throws IOException {
        return reader.next();
    }

    /** From now on reads wait as long as the connection lives (for a reader thread of its own). */
    public void noReadTimeout() throws IOException {
        socket.setSoTimeout(0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
