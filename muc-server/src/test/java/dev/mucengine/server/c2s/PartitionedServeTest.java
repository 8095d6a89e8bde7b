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

    private static void joinAndAwaitSelf(RawClient client, String room, String nick) throws IOException {
        client.send("<presence to='" + room + "@" + SERVICE + "/" + nick + "'/>");
        client.nextMatching(e -> e.localName().equals("presence")
                && e.attribute("from").orElse("").equals(room + "@" + SERVICE + "/" + nick)
                && e.toString().contains("110"));
    }
}
