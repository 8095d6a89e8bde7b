package dev.mucengine.server.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's findings about accounts, against a real {@code serve} on a 256 MB heap with the
 * default limits, each beside a healthy client that must lose nothing: registration in bulk and
 * oversized credentials (finding 4), password guessing (finding 4), private storage without
 * bounds (finding 6).
 */
class AccountAbuseIT {


    @TempDir
    Path dir;

    /**
     * One connection tries to register 100 accounts: a handful get through, the rest are refused
     * with {@code policy-violation}; a 1,023-character username and a 2,000-character password
     * are {@code not-acceptable}, and 200 KB before authentication end the stream. Before, all
     * 100 were created, whatever their size.
     */
    @Test
    void oneConnectionRegistersAHandfulOfAccountsNotAHundred() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir, "--open-registration")) {
            server.probe(() -> {
                try (ProbeClient c = ProbeClient.connect("127.0.6.1", server.port())) {
                    c.open();
                    assertThat(register(c, "long", "x".repeat(1023), "pw")).contains("not-acceptable");
                    assertThat(register(c, "pass", "shortname", "p".repeat(2000))).contains("not-acceptable");
                    List<Optional<String>> answers = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        answers.add(register(c, "r" + i, "bulk" + i, "pw"));
                    }

                    assertThat(answers.stream().filter(Optional::isEmpty).count()).as("accounts created").isEqualTo(5);
                    assertThat(answers.subList(5, 100)).containsOnly(Optional.of("policy-violation"));
                }
                try (ProbeClient c = ProbeClient.connect("127.0.6.2", server.port())) {
                    c.open();
                    c.send("<iq type='set' id='huge'><query xmlns='jabber:iq:register'><username>huge</username>"
                            + "<password>" + "p".repeat(200_000) + "</password></query></iq>");
                    assertThat(c.streamError()).contains("policy-violation");
                }
            });
        }
    }

    /**
     * Thirty wrong passwords on one connection: after three failures the stream ends with
     * {@code policy-violation} (and each attempt after a failure waited longer); the right
     * password still works. Before, all thirty were answered at once, and the connection stayed.
     */
    @Test
    void wrongPasswordsEndTheConnectionAfterAFew() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient guesser = ProbeClient.connect("127.0.7.1", server.port())) {
                    guesser.open();
                    int failures = 0;
                    for (int i = 0; i < 30; i++) {
                        guesser.send("<auth xmlns='" + ProbeClient.SASL + "' mechanism='PLAIN'>"
                                + ProbeClient.plain("strict", "guess" + i) + "</auth>");
                    }
                    while (guesser.nextEvent() instanceof dev.mucengine.xml.StreamEvent.ElementReceived r) {
                        if (r.element().localName().equals("failure")) {
                            failures++;
                        } else if (r.element().localName().equals("error")) {
                            assertThat(r.element().child(ProbeClient.STREAMS, "policy-violation")).isPresent();
                        }
                    }
                    assertThat(failures).as("failures answered before the stream ended").isEqualTo(3);
                }
                assertThat(server.logsInEventually("127.0.7.1", "strict")).as("the right password works").isTrue();
            });
        }
    }

    /**
     * An account stores 200 KB elements until private storage refuses with {@code not-acceptable}
     * at about a megabyte; another stores small elements until the 101st key is refused. What was
     * stored stays readable. Before, one account stored 2,533 such elements, and the heap stayed
     * full until a restart.
     */
    @Test
    void privateStorageHoldsAboutAMegabytePerAccount() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                String big = "d".repeat(200_000);
                try (ProbeClient hoarder = ProbeClient.loggedIn("127.0.8.1", server.port(), "hoarder",
                        AbusedServer.PASSWORD, "h")) {
                    List<Optional<String>> answers = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        answers.add(store(hoarder, "s" + i, "<data xmlns='urn:hoard:" + i + "'>" + big + "</data>"));
                    }
                    assertThat(answers.subList(0, 5)).containsOnly(Optional.empty());
                    assertThat(answers.subList(5, 10)).containsOnly(Optional.of("not-acceptable"));
                    hoarder.send("<iq type='get' id='g0'><query xmlns='jabber:iq:private'><data xmlns='urn:hoard:0'/>"
                            + "</query></iq>");
                    Element stored = hoarder.next(e -> e.attribute("id").filter("g0"::equals).isPresent());
                    assertThat(stored.toString()).contains(big);
                }
                try (ProbeClient keeper = ProbeClient.loggedIn("127.0.8.2", server.port(), "keeper",
                        AbusedServer.PASSWORD, "k")) {
                    List<Optional<String>> answers = new ArrayList<>();
                    for (int i = 0; i < 101; i++) {
                        answers.add(store(keeper, "k" + i, "<note xmlns='urn:key:" + i + "'>n</note>"));
                    }
                    assertThat(answers.subList(0, 100)).containsOnly(Optional.empty());
                    assertThat(answers.get(100)).contains("not-acceptable");
                }
            });
        }
    }

    /** A XEP-0077 registration attempt; empty if it succeeded, else the error condition. */
    private static Optional<String> register(ProbeClient c, String id, String user, String password)
            throws IOException {
        c.send("<iq type='set' id='" + id + "'><query xmlns='jabber:iq:register'><username>" + user
                + "</username><password>" + password + "</password></query></iq>");
        return c.errorOf(id);
    }

    /** A XEP-0049 store; empty if it succeeded, else the error condition. */
    private static Optional<String> store(ProbeClient c, String id, String payload) throws IOException {
        c.send("<iq type='set' id='" + id + "'><query xmlns='jabber:iq:private'>" + payload + "</query></iq>");
        return c.errorOf(id);
    }
}
