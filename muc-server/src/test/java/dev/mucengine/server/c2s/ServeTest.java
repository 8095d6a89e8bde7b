package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.StoreLocation;
import dev.mucengine.xml.StreamEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} over real sockets on a free loopback port, driven by raw XML. */
class ServeTest {

    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String ROOM = "lobby@conference.localhost";

    private Server server;
    private int port;

    /** Loopback, any free port; an administrator on the command line, users in an accounts file. */
    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        Path accounts = Files.writeString(dir.resolve("accounts"), "# NAME:PASSWORD\nalice:wonderland\nbob:builder\n");
        server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1",
                List.of(new ServeOptions.Credential("admin", "secret")), Optional.of(accounts), false, new StoreLocation.InMemory(),
                ServeLimits.DEFAULTS));
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void offersBothMechanismsAndAcceptsPlain() throws IOException {
        try (RawClient c = new RawClient(port)) {
            Element features = c.open();
            assertThat(features.child(SASL, "mechanisms").orElseThrow().children(SASL, "mechanism"))
                    .extracting(Element::text).containsExactly("SCRAM-SHA-1", "PLAIN");

            c.send("<auth xmlns='" + SASL + "' mechanism='PLAIN'>" + RawClient.plain("alice", "wonderland") + "</auth>");

            assertThat(c.next().localName()).isEqualTo("success");
            Element afterRestart = c.open();
            assertThat(afterRestart.child("urn:ietf:params:xml:ns:xmpp-bind", "bind")).isPresent();
        }
    }

    @Test
    void rejectsAWrongPlainPassword() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.open();
            c.send("<auth xmlns='" + SASL + "' mechanism='PLAIN'>" + RawClient.plain("alice", "nope") + "</auth>");

            Element failure = c.next();
            assertThat(failure.localName()).isEqualTo("failure");
            assertThat(failure.child(SASL, "not-authorized")).isPresent();
        }
    }

    @Test
    void authenticatesWithScramSha1() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.open();
            String clientFirstBare = "n=bob,r=clientnonce123";
            c.send("<auth xmlns='" + SASL + "' mechanism='SCRAM-SHA-1'>" + b64("n,," + clientFirstBare) + "</auth>");
            String serverFirst = unb64(c.next().text());
            String nonce = serverFirst.split(",")[0].substring(2);
            byte[] salt = Base64.getDecoder().decode(serverFirst.split(",")[1].substring(2));
            int iterations = Integer.parseInt(serverFirst.split(",")[2].substring(2));
            String withoutProof = "c=biws,r=" + nonce;
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] salted = ScramSha1.saltedPassword("builder", salt, iterations);
            byte[] clientKey = ScramSha1.hmac(salted, "Client Key");
            byte[] proof = ScramSha1.xor(clientKey, ScramSha1.hmac(ScramSha1.hash(clientKey), authMessage));
            c.send("<response xmlns='" + SASL + "'>" + b64(withoutProof + ",p="
                    + Base64.getEncoder().encodeToString(proof)) + "</response>");

            Element success = c.next();
            assertThat(success.localName()).isEqualTo("success");
            byte[] serverSignature = ScramSha1.hmac(ScramSha1.hmac(salted, "Server Key"), authMessage);
            assertThat(unb64(success.text())).isEqualTo("v=" + Base64.getEncoder().encodeToString(serverSignature));
        }
    }

    @Test
    void bindsTheRequestedResource() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.open();
            c.send("<auth xmlns='" + SASL + "' mechanism='PLAIN'>" + RawClient.plain("alice", "wonderland") + "</auth>");
            c.next();
            c.open();
            c.send("<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>phone</resource></bind></iq>");

            Element result = c.next();
            assertThat(result.attribute("type")).contains("result");
            assertThat(result.child("urn:ietf:params:xml:ns:xmpp-bind", "bind").orElseThrow()
                    .childText("urn:ietf:params:xml:ns:xmpp-bind", "jid")).contains("alice@localhost/phone");
        }
    }

    @Test
    void twoClientsJoinARoomAndExchangeGroupchat() throws IOException {
        try (RawClient alice = RawClient.loggedIn(port, "alice", "wonderland", "a");
                RawClient bob = RawClient.loggedIn(port, "bob", "builder", "b")) {
            join(alice, "Alice");
            acceptDefaultConfiguration(alice);
            join(bob, "Bob");
            alice.nextMatching(e -> e.localName().equals("presence") && e.attribute("from").orElse("").endsWith("/Bob"));

            bob.send("<message type='groupchat' to='" + ROOM + "' id='m1'><body>hello</body></message>");

            Element atAlice = alice.nextMatching(ServeTest::hasBody);
            assertThat(atAlice.attribute("from")).contains(ROOM + "/Bob");
            assertThat(atAlice.childText("jabber:client", "body")).contains("hello");
            Element echo = bob.nextMatching(ServeTest::hasBody); // the sender gets its own message back
            assertThat(echo.attribute("from")).contains(ROOM + "/Bob");
        }
    }

    @Test
    void aDisconnectedClientLeavesItsRooms() throws IOException {
        try (RawClient alice = RawClient.loggedIn(port, "alice", "wonderland", "a")) {
            join(alice, "Alice");
            acceptDefaultConfiguration(alice);
            RawClient bob = RawClient.loggedIn(port, "bob", "builder", "b");
            join(bob, "Bob");
            alice.nextMatching(e -> e.localName().equals("presence") && e.attribute("from").orElse("").endsWith("/Bob"));

            bob.close(); // no unavailable presence: the server must send it on Bob's behalf

            Element gone = alice.nextMatching(e -> e.localName().equals("presence"));
            assertThat(gone.attribute("from")).contains(ROOM + "/Bob");
            assertThat(gone.attribute("type")).contains("unavailable");
        }
    }

    @Test
    void badXmlEndsTheStreamWithAStreamError() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.open();
            c.send("<auth xmlns='" + SASL + "' mechanism='PLAIN'></wrong>");

            Element error = c.next();
            assertThat(error.localName()).isEqualTo("error");
            assertThat(error.child("urn:ietf:params:xml:ns:xmpp-streams", "not-well-formed")).isPresent();
            assertThat(c.nextEvent()).isInstanceOf(StreamEvent.StreamClosed.class);
        }
    }

    @Test
    void anAdministratorAddsAUserThroughXep0133() throws IOException {
        try (RawClient admin = RawClient.loggedIn(port, "admin", "secret", "console")) {
            admin.send("<iq type='set' to='localhost' id='c1'><command xmlns='http://jabber.org/protocol/commands'"
                    + " node='http://jabber.org/protocol/admin#add-user' action='execute'/></iq>");
            Element form = admin.next();
            String session = form.child("http://jabber.org/protocol/commands", "command").orElseThrow()
                    .attribute("sessionid").orElseThrow();
            admin.send("<iq type='set' to='localhost' id='c2'><command xmlns='http://jabber.org/protocol/commands'"
                    + " node='http://jabber.org/protocol/admin#add-user' sessionid='" + session + "'>"
                    + "<x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/admin</value></field>"
                    + "<field var='accountjid'><value>carol@localhost</value></field>"
                    + "<field var='password'><value>pw</value></field>"
                    + "<field var='password-verify'><value>pw</value></field></x></command></iq>");

            Element done = admin.next();
            assertThat(done.child("http://jabber.org/protocol/commands", "command").orElseThrow()
                    .attribute("status")).contains("completed");
        }
        try (RawClient carol = RawClient.loggedIn(port, "carol", "pw", "r")) {
            carol.send("<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(carol.next().attribute("type")).contains("result");
        }
    }

    @Test
    void aNonAdministratorCannotAddUsers() throws IOException {
        try (RawClient alice = RawClient.loggedIn(port, "alice", "wonderland", "a")) {
            alice.send("<iq type='set' to='localhost' id='c1'><command xmlns='http://jabber.org/protocol/commands'"
                    + " node='http://jabber.org/protocol/admin#add-user' action='execute'/></iq>");

            Element error = alice.next();
            assertThat(error.attribute("type")).contains("error");
            assertThat(error.child("jabber:client", "error").orElseThrow()
                    .child("urn:ietf:params:xml:ns:xmpp-stanzas", "forbidden")).isPresent();
        }
    }

    private static void join(RawClient c, String nick) throws IOException {
        c.send("<presence to='" + ROOM + "/" + nick + "'><x xmlns='" + MUC + "'/></presence>");
        c.nextMatching(e -> e.localName().equals("presence") && e.attribute("from").orElse("").equals(ROOM + "/" + nick));
    }

    /** The creator unlocks the new room with the default configuration (XEP-0045 §10.1.2). */
    private static void acceptDefaultConfiguration(RawClient owner) throws IOException {
        owner.send("<iq type='set' to='" + ROOM + "' id='cfg'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
        owner.nextMatching(e -> e.localName().equals("iq") && e.attribute("id").orElse("").equals("cfg"));
    }

    private static boolean hasBody(Element e) {
        return e.localName().equals("message") && e.child("jabber:client", "body").isPresent();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s.strip()), StandardCharsets.UTF_8);
    }
}
