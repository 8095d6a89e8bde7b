package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.StoreLocation;
import dev.mucengine.xml.XmlSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        try (RawClient alice = RawClient.recording(server.port(), "alice", "a", "desk");
                RawClient bob = RawClient.recording(server.port(), "bob", "b", "o&apos;neil &amp; co");
                RawClient carol = RawClient.recording(server.port(), "carol", "c", "phone")) {
            alice.send("<presence to='" + ROOM + "/Alice'><x xmlns='" + MUC + "'/></presence>");
            alice.nextMatching(e -> e.attribute("from").orElse("").equals(ROOM + "/Alice"));
            alice.send("<iq type='set' to='" + ROOM + "' id='cfg'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
            alice.nextMatching(e -> e.attribute("id").orElse("").equals("cfg"));
            bob.send("<presence to='" + ROOM + "/bob'><x xmlns='" + MUC + "'/></presence>");
            carol.send("<presence to='" + ROOM + "/carol'><x xmlns='" + MUC + "'/></presence>");
            alice.nextMatching(e -> e.attribute("from").orElse("").equals(ROOM + "/carol"));
            alice.send("<message type='groupchat' to='" + ROOM + "' id='m1'>"
                    + "<body>&lt;b&gt; &amp; 'quotes' \"too\" é \uD83D\uDE00</body></message>");

            for (RawClient c : List.of(alice, bob, carol)) {
                Element message = c.nextMatching(e -> e.child(Stanza.CLIENT_NAMESPACE, "body").isPresent());
                assertThat(message.childText(Stanza.CLIENT_NAMESPACE, "body")).contains("<b> & 'quotes' \"too\" é \uD83D\uDE00");
                assertThat(c.recordedElements()).as("what each client received").isNotEmpty().allSatisfy(element ->
                        assertThat(c.recordedBytes()).as("the bytes that client received")
                                .containsSequence(SERIALIZER.toBytesInStream(element, Stanza.CLIENT_NAMESPACE)));
            }
            assertThat(bob.recordedElements()).anySatisfy(e -> assertThat(e.attribute("to")).contains("bob@localhost/o'neil & co"));
        }
    }
}
