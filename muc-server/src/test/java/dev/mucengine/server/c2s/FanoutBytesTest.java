package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.StoreLocation;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmlSerializer;
import dev.mucengine.xml.XmppStreamReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client receives of a fan-out is exactly what the serializer writes for its copy, byte for
 * byte, although {@code serve} serializes a fan-out once and splices each recipient's {@code to}
 * in (issue 12). Every element each occupant receives is checked, the groupchat message and the
 * presence broadcasts of the joins; one occupant's resource needs escaping in {@code to}.
 */
class FanoutBytesTest {

    private static final String ROOM = "lobby@conference.localhost";
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private Server server;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        Path accounts = Files.writeString(dir.resolve("accounts"), "alice:a\nbob:b\ncarol:c\n");
        server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1",
                List.of(new ServeOptions.Credential("admin", "secret")), Optional.of(accounts), false,
                new StoreLocation.InMemory(), ServeLimits.DEFAULTS));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyCopyIsTheSerializersBytes() throws IOException {
        try (RecordingClient alice = RecordingClient.loggedIn(server.port(), "alice", "a", "desk");
                RecordingClient bob = RecordingClient.loggedIn(server.port(), "bob", "b", "o&apos;neil &amp; co");
                RecordingClient carol = RecordingClient.loggedIn(server.port(), "carol", "c", "phone")) {
            alice.send("<presence to='" + ROOM + "/Alice'><x xmlns='" + MUC + "'/></presence>");
            alice.nextMatching(e -> e.attribute("from").orElse("").equals(ROOM + "/Alice"));
            alice.send("<iq type='set' to='" + ROOM + "' id='cfg'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
            alice.nextMatching(e -> e.attribute("id").orElse("").equals("cfg"));
            for (RecordingClient c : List.of(bob, carol)) {
                c.send("<presence to='" + ROOM + "/" + c.user + "'><x xmlns='" + MUC + "'/></presence>");
            }
            alice.nextMatching(e -> e.attribute("from").orElse("").equals(ROOM + "/carol"));
            alice.send("<message type='groupchat' to='" + ROOM + "' id='m1'>"
                    + "<body>&lt;b&gt; &amp; 'quotes' \"too\" é \uD83D\uDE00</body></message>");

            for (RecordingClient c : List.of(alice, bob, carol)) {
                Element message = c.nextMatching(e -> e.child(Stanza.CLIENT_NAMESPACE, "body").isPresent());
                assertThat(message.childText(Stanza.CLIENT_NAMESPACE, "body")).contains("<b> & 'quotes' \"too\" é \uD83D\uDE00");
                assertThat(c.received).as("what %s received", c.user).isNotEmpty().allSatisfy(element ->
                        assertThat(c.receivedBytes()).as("bytes received by %s", c.user)
                                .containsSequence(SERIALIZER.toBytesInStream(element, Stanza.CLIENT_NAMESPACE)));
            }
            assertThat(bob.received).anySatisfy(e -> assertThat(e.attribute("to")).contains("bob@localhost/o'neil & co"));
        }
    }

    /** A client that keeps every byte it reads, and every element parsed from them. */
    private static final class RecordingClient implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final XmppStreamReader reader;
        private final String user;
        private final List<Element> received = new ArrayList<>();

        private RecordingClient(int port, String user) throws IOException {
            this.user = user;
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(20_000); // a guard against hanging the build, not a timing assertion
            out = socket.getOutputStream();
            InputStream in = new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytes.write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        bytes.write(buffer, offset, n);
                    }
                    return n;
                }
            };
            reader = new XmppStreamReader(in);
        }

        static RecordingClient loggedIn(int port, String user, String password, String resource) throws IOException {
            RecordingClient c = new RecordingClient(port, user);
            c.open();
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + RawClient.plain(user, password) + "</auth>");
            c.next();
            c.open();
            c.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                    + resource + "</resource></bind></iq>");
            c.next();
            c.received.clear(); // from here on: stanzas the router delivers
            return c;
        }

        private void open() throws IOException {
            send(RawClient.HEADER);
            if (!(reader.next() instanceof StreamEvent.StreamOpened)) {
                throw new IOException("expected a stream header");
            }
            next();
        }

        void send(String xml) throws IOException {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        Element next() throws IOException {
            StreamEvent e = reader.next();
            if (e instanceof StreamEvent.ElementReceived r) {
                received.add(r.element());
                return r.element();
            }
            throw new IOException("expected an element, got " + e);
        }

        Element nextMatching(Predicate<Element> test) throws IOException {
            while (true) {
                Element e = next();
                if (test.test(e)) {
                    return e;
                }
            }
        }

        byte[] receivedBytes() {
            return bytes.toByteArray();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
