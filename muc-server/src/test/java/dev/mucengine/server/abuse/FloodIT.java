package dev.mucengine.server.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StreamEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, finding 2, against a real {@code serve} on a 256 MB heap beside a healthy client: an
 * occupant that never reads, in a room where someone sends 60,000-character messages, costs that
 * occupant its connection, not the server its heap. Before, its queue held up to 10,000 stanzas
 * (600 MB of these), and the server ran out of memory within seconds.
 */
class FloodIT {

    private static final String ROOM = "flood@conference.localhost";
    private static final int MESSAGES = 6_000; // 360 MB of bodies
    private static final String BODY = "x".repeat(60_000);
    /** The sender's own messages in flight: it reads its echoes, so its own queue stays small. */
    private static final int WINDOW = 8;

    @TempDir
    Path dir;

    @Test
    void anOccupantThatNeverReadsLosesItsConnectionNotTheServerItsHeap() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            server.probe(() -> {
                try (ProbeClient sender = ProbeClient.loggedIn("127.0.5.1", server.port(), "sender",
                        AbusedServer.PASSWORD, "s")) {
                    join(sender, "Sender", true);
                    ProbeClient victim = ProbeClient.connect("127.0.5.2", server.port(), 4096);
                    try (victim) {
                        victim.open();
                        victim.auth("victim", AbusedServer.PASSWORD);
                        victim.open();
                        victim.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
                        victim.next(e -> e.attribute("id").filter("bind"::equals).isPresent());
                        join(victim, "Victim", false); // and from now on it never reads
                        sender.next(e -> e.attribute("from").filter((ROOM + "/Victim")::equals).isPresent());

                        int sentWhenGone = flood(sender);

                        assertThat(sentWhenGone).as("messages sent before the victim was disconnected: a few MB, not 360")
                                .isLessThan(MESSAGES / 10);
                        assertThat(victim.closedByServer()).as("the victim's connection is closed").isTrue();
                    }
                }
            });
        }
    }

    /**
     * Sends all {@link #MESSAGES} 60,000-character messages (360 MB), at most {@link #WINDOW} of
     * them unechoed; returns how many had been sent when the victim left the room.
     */
    private static int flood(ProbeClient sender) throws Exception {
        Semaphore window = new Semaphore(WINDOW);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger sentWhenGone = new AtomicInteger(-1);
        Thread echoes = new Thread(() -> {
            try {
                for (int echoed = 0; echoed < MESSAGES; ) {
                    StreamEvent event = sender.nextEvent();
                    if (!(event instanceof StreamEvent.ElementReceived r)) {
                        break;
                    }
                    Element e = r.element();
                    if (e.localName().equals("message") && e.attribute("from").filter((ROOM + "/Sender")::equals)
                            .isPresent()) {
                        echoed++;
                        window.release();
                    } else if (e.localName().equals("presence") && e.attribute("from")
                            .filter((ROOM + "/Victim")::equals).isPresent()
                            && e.attribute("type").filter("unavailable"::equals).isPresent()) {
                        sentWhenGone.set(sent.get());
                    }
                }
            } catch (IOException e) {
                // the sender's connection ended; the loop below sees no more echoes
            }
        }, "flood-echoes");
        echoes.setDaemon(true);
        echoes.start();
        while (sent.get() < MESSAGES) {
            if (!window.tryAcquire(60, TimeUnit.SECONDS)) { // a guard against hanging, not a timing assertion
                throw new IOException("no echo of the sender's messages for 60 s after " + sent.get());
            }
            sender.send("<message type='groupchat' to='" + ROOM + "'><body>" + BODY + "</body></message>");
            sent.incrementAndGet();
        }
        echoes.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(echoes.isAlive()).as("every message echoed to the sender").isFalse();
        assertThat(sentWhenGone.get()).as("the victim left the room").isNotNegative();
        return sentWhenGone.get();
    }

    private static void join(ProbeClient client, String nick, boolean creates) throws IOException {
        client.send("<presence to='" + ROOM + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        client.next(e -> e.localName().equals("presence")
                && e.attribute("from").filter((ROOM + "/" + nick)::equals).isPresent());
        if (creates) {
            client.send("<iq type='set' to='" + ROOM + "' id='config'><query"
                    + " xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query></iq>");
            client.next(e -> e.attribute("id").filter("config"::equals).isPresent());
        }
    }
}
