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
 * Issue 10's findings about rooms, against a real {@code serve} on a 256 MB heap beside a healthy
 * client: room creation as fast as a client can ask (finding 4), declines relayed from strangers
 * (finding 7), and the smaller ones of finding 8 (an iq with two payloads, nicknames that
 * impersonate, an owner banning a service administrator).
 */
class RoomAbuseIT {

    private static final String SERVICE = "conference.localhost";
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String MUC_USER = MUC + "#user";

    @TempDir
    Path dir;

    /**
     * One user gets its first 30 rooms in a minute and then {@code resource-constraint}, while
     * others still create theirs. Before, 100 accounts filled the service's 10,000 rooms in 12 s.
     */
    @Test
    void oneUserCreatesAtMostThirtyRoomsAMinute() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient creator = ProbeClient.loggedIn("127.0.20.1", server.port(), "creator",
                        AbusedServer.PASSWORD, "c")) {
                    List<Optional<String>> answers = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        answers.add(enter(creator, "spam" + i + "@" + SERVICE, "c"));
                    }
                    assertThat(answers.subList(0, 30)).containsOnly(Optional.empty());
                    assertThat(answers.subList(30, 40)).containsOnly(Optional.of("resource-constraint"));
                }
                try (ProbeClient other = ProbeClient.loggedIn("127.0.20.2", server.port(), "owner",
                        AbusedServer.PASSWORD, "o")) {
                    assertThat(enter(other, "mine@" + SERVICE, "o")).isEmpty();
                }
            });
        }
    }

    /**
     * A stranger who was never invited cannot make the room carry declines to a victim, neither
     * thousands in one message nor one at a time; an invitee's one decline reaches its inviter.
     * Before, ten stanzas from a stranger made the room send the victim 30,000 declines.
     */
    @Test
    void theRoomCarriesOneDeclineFromAnInviteeAndNoneFromStrangers() throws Exception {
        String room = "party@" + SERVICE;
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient owner = ProbeClient.loggedIn("127.0.21.1", server.port(), "owner",
                        AbusedServer.PASSWORD, "o");
                        ProbeClient victim = ProbeClient.loggedIn("127.0.21.2", server.port(), "victim",
                                AbusedServer.PASSWORD, "v");
                        ProbeClient stranger = ProbeClient.loggedIn("127.0.21.3", server.port(), "stranger",
                                AbusedServer.PASSWORD, "s")) {
                    assertThat(enter(owner, room, "Host")).isEmpty();
                    victim.send("<presence/>");
                    String many = "<decline to='victim@localhost/v'/>".repeat(3_000);
                    for (int i = 0; i < 10; i++) {
                        stranger.send("<message to='" + room + "' id='flood" + i + "'><x xmlns='" + MUC_USER + "'>"
                                + many + "</x></message>");
                        assertThat(stranger.errorOf("flood" + i)).contains("bad-request");
                    }
                    stranger.send("<message to='" + room + "' id='one'><x xmlns='" + MUC_USER + "'>"
                            + "<decline to='victim@localhost/v'/></x></message>");
                    assertThat(stranger.errorOf("one")).contains("forbidden");

                    owner.send("<message to='" + room + "'><x xmlns='" + MUC_USER + "'>"
                            + "<invite to='victim@localhost'/></x></message>");
                    Element first = victim.next(e -> e.localName().equals("message"));
                    assertThat(first.child(MUC_USER, "x").flatMap(x -> x.child(MUC_USER, "invite")))
                            .as("the first thing the victim receives: " + first).isPresent();

                    victim.send("<message to='" + room + "' id='no'><x xmlns='" + MUC_USER + "'>"
                            + "<decline to='owner@localhost/o'/></x></message>");
                    Element decline = owner.next(e -> e.localName().equals("message")
                            && e.child(MUC_USER, "x").flatMap(x -> x.child(MUC_USER, "decline")).isPresent());
                    assertThat(decline.child(MUC_USER, "x").flatMap(x -> x.child(MUC_USER, "decline"))
                            .flatMap(d -> d.attribute("from"))).contains("victim@localhost");
                    victim.send("<message to='" + room + "' id='again'><x xmlns='" + MUC_USER + "'>"
                            + "<decline to='owner@localhost/o'/></x></message>");
                    assertThat(victim.errorOf("again")).contains("forbidden");
                }
            });
        }
    }

    /**
     * A room iq with an admin and an owner query is refused as a whole (RFC 6120 §8.2.3), and
     * nothing changes. Before, the first payload was acted on and the answer was a result.
     */
    @Test
    void anIqWithTwoPayloadsChangesNothing() throws Exception {
        String room = "two@" + SERVICE;
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient owner = ProbeClient.loggedIn("127.0.22.1", server.port(), "owner",
                        AbusedServer.PASSWORD, "o");
                        ProbeClient bob = ProbeClient.loggedIn("127.0.22.2", server.port(), "bob",
                                AbusedServer.PASSWORD, "b")) {
                    assertThat(enter(owner, room, "Host")).isEmpty();
                    assertThat(enter(bob, room, "bob")).isEmpty();
                    owner.send("<iq type='set' to='" + room + "' id='both'>"
                            + "<query xmlns='" + MUC + "#admin'><item nick='bob' role='visitor'/></query>"
                            + "<query xmlns='" + MUC + "#owner'><x xmlns='jabber:x:data' type='submit'/></query>"
                            + "</iq>");
                    assertThat(owner.errorOf("both")).contains("bad-request");

                    owner.send("<iq type='get' to='" + room + "' id='who'><query xmlns='" + MUC + "#admin'>"
                            + "<item role='participant'/></query></iq>");
                    Element participants = owner.next(e -> e.attribute("id").filter("who"::equals).isPresent());
                    assertThat(participants.child(MUC + "#admin", "query").stream()
                            .flatMap(q -> q.children(MUC + "#admin", "item").stream())
                            .flatMap(i -> i.attribute("nick").stream())).as("participants").contains("bob");
                }
            });
        }
    }

    /**
     * RFC 8266: a nickname with spaces around it, or of spaces only, is refused with
     * {@code jid-malformed}, and another form of a nickname in use conflicts. Before, {@code ' bob'}
     * entered next to {@code bob}.
     */
    @Test
    void nicknamesCannotImpersonate() throws Exception {
        String room = "names@" + SERVICE;
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient bob = ProbeClient.loggedIn("127.0.23.1", server.port(), "bob",
                        AbusedServer.PASSWORD, "b");
                        ProbeClient stranger = ProbeClient.loggedIn("127.0.23.2", server.port(), "stranger",
                                AbusedServer.PASSWORD, "s")) {
                    assertThat(enter(bob, room, "bob")).isEmpty();
                    for (String nick : List.of(" bob", "bob ", "\u00A0bob", "   ")) {
                        assertThat(enter(stranger, room, nick)).as("'" + nick + "'").contains("jid-malformed");
                    }
                    assertThat(enter(stranger, room, "BOB")).contains("conflict");
                    assertThat(enter(stranger, room, "\uFF42\uFF4F\uFF42")).as("fullwidth bob").contains("conflict");
                }
            });
        }
    }

    /** A room owner cannot ban, kick or demote a service administrator; before, the ban worked. */
    @Test
    void anOwnerCannotBanAServiceAdministrator() throws Exception {
        String room = "rule@" + SERVICE;
        try (AbusedServer server = AbusedServer.start(dir, "--admin", "boss:" + AbusedServer.PASSWORD)) {
            server.probe(() -> {
                try (ProbeClient owner = ProbeClient.loggedIn("127.0.24.1", server.port(), "owner",
                        AbusedServer.PASSWORD, "o");
                        ProbeClient boss = ProbeClient.loggedIn("127.0.24.2", server.port(), "boss",
                                AbusedServer.PASSWORD, "b")) {
                    assertThat(enter(owner, room, "Host")).isEmpty();
                    assertThat(enter(boss, room, "Boss")).isEmpty();
                    owner.send("<iq type='set' to='" + room + "' id='ban'><query xmlns='" + MUC + "#admin'>"
                            + "<item jid='boss@localhost' affiliation='outcast'/></query></iq>");
                    assertThat(owner.errorOf("ban")).contains("not-allowed");
                    owner.send("<iq type='set' to='" + room + "' id='kick'><query xmlns='" + MUC + "#admin'>"
                            + "<item nick='Boss' role='none'/></query></iq>");
                    assertThat(owner.errorOf("kick")).contains("not-allowed");
                }
            });
        }
    }

    /**
     * Enters {@code room} as {@code nick}, unlocking it if this creates it; empty if entered, else
     * the error condition.
     */
    private static Optional<String> enter(ProbeClient c, String room, String nick) throws IOException {
        c.send("<presence to='" + room + "/" + nick + "'><x xmlns='" + MUC + "'/></presence>");
        Element answer = c.next(e -> e.localName().equals("presence")
                && e.attribute("from").filter(f -> f.startsWith(room + "/")).isPresent()
                && (e.attribute("type").filter("error"::equals).isPresent() || isSelf(e)));
        Optional<String> error = ProbeClient.errorCondition(answer);
        if (error.isEmpty() && hasStatus(answer, "201")) {
            c.send("<iq type='set' to='" + room + "' id='config'><query xmlns='" + MUC + "#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
            assertThat(c.errorOf("config")).isEmpty();
        }
        return error;
    }

    private static boolean isSelf(Element presence) {
        return hasStatus(presence, "110");
    }

    private static boolean hasStatus(Element presence, String code) {
        return presence.child(MUC_USER, "x").stream().flatMap(x -> x.children(MUC_USER, "status").stream())
                .anyMatch(s -> s.attribute("code").filter(code::equals).isPresent());
    }
}
