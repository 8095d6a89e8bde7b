package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.service.Limits;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with its rooms on four engine threads: a client's stanzas are handled on its
 * account's partition and forwarded to each room's, and every room delivers from its own.
 */
class PartitionedServeTest {

    private static final String SERVICE = "conference.localhost";

    private Server server;
    private int port;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        Path accounts = Files.writeString(dir.resolve("accounts"), "alice:wonderland\nbob:builder\n");
        server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(), Optional.of(accounts), false,
                new StoreLocation.InMemory(), ServeLimits.DEFAULTS, Limits.DEFAULTS, 4));
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientSeesEveryRoomsMessagesInTheRoomsOrder() throws IOException {
        List<String> rooms = List.of("r1", "r2", "r3", "r4", "r5", "r6");
        try (RawClient alice = RawClient.loggedIn(port, "alice", "wonderland", "a");
                RawClient bob = RawClient.loggedIn(port, "bob", "builder", "b")) {
            for (String room : rooms) {
                joinAndAwaitSelf(alice, room, "Alice"); // groupchat 1.0 join: an instant room
                joinAndAwaitSelf(bob, room, "Bob");
            }
            for (int i = 0; i < 10; i++) {
                for (String room : rooms) {
                    alice.send("<message type='groupchat' to='" + room + "@" + SERVICE + "'><body>" + room + "-" + i
                            + "</body></message>");
                }
            }

            Map<String, List<String>> seen = new LinkedHashMap<>();
            for (int n = 0; n < 10 * rooms.size(); n++) {
                Element m = bob.nextMatching(e -> e.localName().equals("message") && e.childText("jabber:client", "body")
                        .isPresent());
                String body = m.childText("jabber:client", "body").orElseThrow();
                seen.computeIfAbsent(body.substring(0, body.indexOf('-')), k -> new ArrayList<>()).add(body);
            }

            assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(rooms);
            seen.forEach((room, bodies) -> {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    expected.add(room + "-" + i);
                }
                assertThat(bodies).as(room).isEqualTo(expected);
            });
        }
    }

    @Test
    void serviceDiscoListsTheRoomsOfEveryPartition() throws IOException {
        List<String> rooms = List.of("a1", "a2", "a3", "a4", "a5", "a6");
        try (RawClient alice = RawClient.loggedIn(port, "alice", "wonderland", "a")) {
            for (String room : rooms) {
                joinAndAwaitSelf(alice, room, "Alice");
            }
            alice.send("<iq type='get' id='items' to='" + SERVICE + "'>"
                    + "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>");

            Element result = alice.nextMatching(e -> e.attribute("id").orElse("").equals("items"));
            assertThat(result.attribute("type")).contains("result");
            String listed = result.toString();
            rooms.forEach(room -> assertThat(listed).contains(room + "@" + SERVICE));
        }
    }

    /**
     * A room's messages go straight to the room's partition and presence through the account's
     * (ClientStanzaRoute); sent in one burst, each must still reach its room in the order sent:
     * the first message before the leave, the second after it (so it is refused).
     */
    @Test
    void messagesAndPresenceSentInOneBurstReachEachRoomInTheOrderSent() throws IOException {
        List<String> rooms = List.of("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8");
        try (RawClient alice = RawClient.loggedIn(port, "alice", "wonderland", "a");
                RawClient bob = RawClient.loggedIn(port, "bob", "builder", "b")) {
            for (String room : rooms) {
                joinAndAwaitSelf(bob, room, "Bob");
                joinAndAwaitSelf(alice, room, "Alice");
            }
            StringBuilder burst = new StringBuilder();
            for (String room : rooms) {
                String to = room + "@" + SERVICE;
                burst.append("<message type='groupchat' id='").append(room).append("-in' to='").append(to)
                        .append("'><body>").append(room).append("-in</body></message>")
                        .append("<presence type='unavailable' to='").append(to).append("/Alice'/>")
                        .append("<message type='groupchat' id='").append(room).append("-out' to='").append(to)
                        .append("'><body>").append(room).append("-out</body></message>");
            }
            alice.send(burst.toString());

            Map<String, List<String>> answers = new LinkedHashMap<>(); // per room, in the order they came
            for (int n = 0; n < 3 * rooms.size(); n++) {
                Element e = alice.nextMatching(x -> x.attribute("from").orElse("").contains("@" + SERVICE)
                        && (x.attribute("id").orElse("").matches("b\\d-(in|out)")
                                || x.attribute("type").orElse("").equals("unavailable")));
                String from = e.attribute("from").orElseThrow();
                answers.computeIfAbsent(from.substring(0, from.indexOf('@')), k -> new ArrayList<>())
                        .add(e.localName() + " " + e.attribute("type").orElse("") + " " + e.attribute("id").orElse(""));
            }
            for (String room : rooms) {
                assertThat(answers.get(room)).as(room).hasSize(3);
                assertThat(answers.get(room).get(0)).as(room).isEqualTo("message groupchat " + room + "-in");
                assertThat(answers.get(room).get(1)).as(room).startsWith("presence unavailable");
                assertThat(answers.get(room).get(2)).as(room + ": sent after leaving")
                        .isEqualTo("message error " + room + "-out");
            }
            bob.send("<iq type='get' id='done' to='" + SERVICE + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            List<String> bodies = new ArrayList<>();
            for (Element e = bob.nextMatching(x -> true); !e.attribute("id").orElse("").equals("done");
                    e = bob.nextMatching(x -> true)) {
                e.childText("jabber:client", "body").ifPresent(bodies::add);
            }
            assertThat(bodies).containsExactlyInAnyOrderElementsOf(rooms.stream().map(r -> r + "-in").toList());
        }
    }

    private static void joinAndAwaitSelf(RawClient client, String room, String nick) throws IOException {
        client.send("<presence to='" + room + "@" + SERVICE + "/" + nick + "'/>");
        client.nextMatching(e -> e.localName().equals("presence")
                && e.attribute("from").orElse("").equals(room + "@" + SERVICE + "/" + nick)
                && e.toString().contains("110"));
    }
}
