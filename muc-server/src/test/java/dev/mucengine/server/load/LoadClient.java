package dev.mucengine.server.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load client that costs the machine little: raw XML out, and in, only counts. It logs in and
 * joins synchronously by waiting for markers in the raw input, then a reader thread counts the
 * groupchat bodies it receives and those carrying its own marker (its messages reflected back).
 */
final class LoadClient implements AutoCloseable {

    private static final String BODY_END = "</body>";

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String marker;
    private final StringBuilder pending = new StringBuilder();
    /** What the last {@link #await} read up to and with its text. */
    private String consumed = "";
    final AtomicLong bodies = new AtomicLong();
    final AtomicLong own = new AtomicLong();

    private LoadClient(Socket socket, String marker) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.marker = marker;
    }

    /** Connects, logs in with PLAIN, binds and sends initial presence. */
    static LoadClient loggedIn(int port, String user, String password) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        LoadClient c = new LoadClient(s, "#" + user + "#");
        String header = "<?xml version='1.0'?><stream:stream to='localhost' version='1.0' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>";
        c.send(header);
        c.await("</stream:features>");
        c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + Base64.getEncoder()
                .encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>");
        c.await("<success");
        c.send(header);
        c.await("</stream:features>");
        c.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
        c.await("</iq>");
        c.send("<presence/>");
        return c;
    }

    /** The marker in this client's message bodies. */
    String marker() {
        return marker;
    }

    void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads until {@code text} has arrived and returns what came up to and with it. */
    String readThrough(String text) throws IOException {
        await(text);
        return consumed;
    }

    /** Reads until {@code text} has arrived (what follows it stays unread for the next wait). */
    void await(String text) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            int at = pending.indexOf(text);
            if (at >= 0) {
                consumed = pending.substring(0, at + text.length());
                pending.delete(0, at + text.length());
                return;
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("stream ended while waiting for " + text + "; got " + pending);
            }
            pending.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    /** From now on, a daemon thread counts what arrives. */
    void startCounting() {
        Thread t = new Thread(this::count, "load-reader");
        t.setDaemon(true);
        t.start();
    }

    private void count() {
        byte[] buffer = new byte[65536];
        String carry = pending.toString();
        try {
            while (true) {
                String text = carry + countable(buffer);
                bodies.addAndGet(occurrences(text, BODY_END));
                own.addAndGet(occurrences(text, marker));
                int keep = Math.max(BODY_END.length(), marker.length()) - 1;
                carry = text.substring(Math.max(0, text.length() - keep));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private String countable(byte[] buffer) throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            throw new IOException("end of stream");
        }
        return new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static long occurrences(String text, String what) {
        long count = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            count++;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
