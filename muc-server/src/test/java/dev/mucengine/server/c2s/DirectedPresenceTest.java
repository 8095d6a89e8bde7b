package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

class DirectedPresenceTest {

    private final DirectedPresence directed = new DirectedPresence();

    @Test
    void anAddressPresenceWentToTwiceIsOwedUnavailableOnce() {
        directed.add(jid("room@muc.example/alice"));
        directed.add(jid("room@muc.example/alice"));
        directed.add(jid("bob@example.org"));

        assertThat(directed.drain()).containsExactlyInAnyOrder(jid("room@muc.example/alice"), jid("bob@example.org"));
    }

    @Test
    void unavailablePresenceAlreadySentIsNotOwedAgain() {
        directed.add(jid("room@muc.example/alice"));
        directed.add(jid("other@muc.example/alice"));
        directed.remove(jid("room@muc.example/alice"));
        directed.remove(jid("never@muc.example/alice"));

        assertThat(directed.drain()).containsExactly(jid("other@muc.example/alice"));
    }

    @Test
    void drainingForgetsEverything() {
        directed.add(jid("room@muc.example/alice"));
        directed.drain();
        directed.remove(jid("room@muc.example/alice"));

        assertThat(directed.drain()).isEmpty();
        directed.add(jid("room@muc.example/alice"));
        assertThat(directed.drain()).containsExactly(jid("room@muc.example/alice"));
    }

    @Test
    void addressesOutsideAsciiComeBackEqual() {
        directed.add(jid("café@muc.example/Zoë"));

        assertThat(directed.drain()).containsExactly(jid("café@muc.example/Zoë"));
    }

    @Test
    void aClientInThousandsOfRoomsIsOwedExactlyTheRoomsItStayedIn() {
        List<Jid> rooms = IntStream.range(0, 5000).mapToObj(i -> jid("mem" + i + "@muc.example/b")).toList();
        rooms.forEach(directed::add);
        for (int i = 0; i < rooms.size(); i += 2) {
            directed.remove(rooms.get(i));
        }

        assertThat(directed.drain()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, rooms.size()).filter(i -> i % 2 == 1).mapToObj(rooms::get).toList());
    }

    /** Removal moves entries back in the table: a wrong move loses an address or keeps it twice; small tables collide often. */
    @Test
    void agreesWithASetThroughRandomAddsAndRemoves() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            Set<Jid> expected = new HashSet<>();
            for (int step = 0; step < 60; step++) {
                Jid address = jid("r" + random.nextInt(24) + "@muc.example/n");
                if (random.nextInt(3) == 0) {
                    directed.remove(address);
                    expected.remove(address);
                } else {
                    directed.add(address);
                    expected.add(address);
                }
            }
            assertThat(directed.drain()).as("round %d", round).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static Jid jid(String address) {
        return JidCreate.fromOrThrowUnchecked(address);
    }
}
