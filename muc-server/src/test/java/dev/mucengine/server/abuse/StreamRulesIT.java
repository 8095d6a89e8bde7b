package dev.mucengine.server.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 6120's stream rules that issue 10 found broken, against a real {@code serve} beside a
 * healthy client: a mismatched end tag (finding 3), a stream header after binding and a second
 * resource on one stream (finding 5), a major version the server does not speak, an iq without
 * an id, and first-level elements other than stanzas after authentication (finding 8).
 */
class StreamRulesIT {

    private static final String ROOM = "ghosts@conference.localhost";

    @TempDir
    Path dir;

    /** Before, the scanner only counted depth and waited for more bytes: forever. */
    @Test
    void aMismatchedEndTagEndsTheStreamAsSoonAsItArrives() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient rude = ProbeClient.loggedIn("127.0.9.1", server.port(), "rude",
                        AbusedServer.PASSWORD, "r")) {
                    rude.send("<message to='localhost'><body>hi</message>");
                    assertThat(rude.streamError()).contains("not-well-formed");
                }
            });
        }
    }

    /**
     * A stream header after binding is no restart (RFC 6120 §4.3.3): the stream ends, and the
     * session with it, so its room seat is freed and its nickname can be taken again. Before, the
     * header opened a second session on the connection and the first stayed in its rooms forever.
     */
    @Test
    void aStreamHeaderAfterBindingEndsTheSessionAndFreesItsSeat() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient watcher = ProbeClient.loggedIn("127.0.10.1", server.port(), "watcher",
                        AbusedServer.PASSWORD, "w");
                        ProbeClient ghost = ProbeClient.loggedIn("127.0.10.2", server.port(), "ghost",
                                AbusedServer.PASSWORD, "g")) {
                    enter(watcher, "Watcher", true);
                    enter(ghost, "Ghost", false);
                    watcher.next(e -> isPresenceOf(e, "Ghost"));

                    ghost.send(ProbeClient.HEADER);

                    assertThat(ghost.streamError()).contains("unsupported-stanza-type");
                    Element gone = watcher.next(e -> isPresenceOf(e, "Ghost"));
                    assertThat(gone.attribute("type")).contains("unavailable");
                }
                try (ProbeClient again = ProbeClient.loggedIn("127.0.10.2", server.port(), "ghost",
                        AbusedServer.PASSWORD, "g2")) {
                    Element self = enter(again, "Ghost", false);
                    assertThat(self.attribute("type")).as("entering under the same nickname").isEmpty();
                }
            });
        }
    }

    /** RFC 6120 §7.6.2.2: one stream binds one resource here; the stream goes on. */
    @Test
    void aSecondBindOnTheSameStreamIsNotAllowed() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient c = ProbeClient.loggedIn("127.0.11.1", server.port(), "ghost",
                        AbusedServer.PASSWORD, "one")) {
                    c.send("<iq type='set' id='b2'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                            + "<resource>two</resource></bind></iq>");
                    assertThat(c.errorOf("b2")).contains("not-allowed");
                    c.send("<iq type='get' to='localhost' id='p'><ping xmlns='urn:xmpp:ping'/></iq>");
                    assertThat(c.next(e -> e.attribute("id").filter("p"::equals).isPresent()).attribute("type"))
                            .contains("result");
                }
            });
        }
    }

    /** RFC 6120 §4.7.5: this server speaks major version 1 only. Before, 2.0 was accepted. */
    @Test
    void aStreamOfVersionTwoGetsUnsupportedVersion() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient c = ProbeClient.connect("127.0.12.1", server.port())) {
                    c.send(ProbeClient.HEADER.replace("version='1.0'", "version='2.0'"));
                    assertThat(c.streamError()).contains("unsupported-version");
                }
            });
        }
    }

    /**
     * RFC 6120 §8.1.3: an iq needs an id; a request without one is answered with
     * {@code bad-request}, before binding as after. Before, it got a result.
     */
    @Test
    void anIqWithoutAnIdGetsBadRequest() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient c = ProbeClient.loggedIn("127.0.13.1", server.port(), "ghost",
                        AbusedServer.PASSWORD, "r")) {
                    c.send("<iq type='get' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
                    Element answer = c.next(e -> e.localName().equals("iq"));
                    assertThat(ProbeClient.errorCondition(answer)).contains("bad-request");
                }
                try (ProbeClient c = ProbeClient.connect("127.0.13.2", server.port())) {
                    c.open();
                    c.auth("ghost", AbusedServer.PASSWORD);
                    c.open();
                    c.send("<iq type='set'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
                    Element answer = c.next(e -> e.localName().equals("iq"));
                    assertThat(ProbeClient.errorCondition(answer)).contains("bad-request");
                }
            });
        }
    }

    /**
     * After authentication only stanzas are first-level elements: {@code <starttls/>},
     * {@code <auth/>} and anything unknown end the stream with {@code unsupported-stanza-type}
     * (RFC 6120 §4.9.3.24). Before, each got a stanza error and the stream went on.
     */
    @Test
    void afterLoginOnlyStanzasAreAccepted() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                for (String element : new String[] {"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>",
                        "<auth xmlns='" + ProbeClient.SASL + "' mechanism='PLAIN'>"
                                + ProbeClient.plain("ghost", AbusedServer.PASSWORD) + "</auth>",
                        "<unknown xmlns='urn:example:unknown'/>", "<thing/>"}) {
                    try (ProbeClient c = ProbeClient.loggedIn("127.0.14.1", server.port(), "ghost",
                            AbusedServer.PASSWORD, "r")) {
                        c.send(element);
                        assertThat(c.streamError()).as(element).contains("unsupported-stanza-type");
                    }
                }
            });
        }
    }

    /** Enters {@link #ROOM}; the creator unlocks it. Returns the own presence (or error presence). */
    private static Element enter(ProbeClient c, String nick, boolean creates) throws IOException {
        c.send("<presence to='" + ROOM + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        Element self = c.next(e -> isPresenceOf(e, nick));
        if (creates) {
            c.send("<iq type='set' to='" + ROOM + "' id='config'><query"
                    + " xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query></iq>");
            c.next(e -> e.attribute("id").filter("config"::equals).isPresent());
        }
        return self;
    }

    private static boolean isPresenceOf(Element e, String nick) {
        return e.localName().equals("presence") && e.attribute("from").filter((ROOM + "/" + nick)::equals).isPresent();
    }

    /**
     * A client that goes on sending after the server ended its stream for too much input before
     * authentication still reads the stream error: the server reads on and drops what follows
     * (until the client closes, or the close grace ends) instead of closing the socket under a
     * sender, whose system would then reset the connection and could discard the error unread.
     */
    @Test
    void aClientStillSendingAfterItsStreamErrorIsNotResetUnderIt() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient c = ProbeClient.connect("127.0.40.1", server.port())) {
                    c.open();
                    c.send("<iq type='set' id='huge'><query xmlns='jabber:iq:register'><username>huge</username>"
                            + "<password>" + "p".repeat(200_000));
                    for (int i = 0; i < 5; i++) {
                        Thread.sleep(100); // the server has answered and written its closing tag by now
                        c.send("p".repeat(10_000));
                    }
                    assertThat(c.streamError()).contains("policy-violation");
                }
            });
        }
    }
}
