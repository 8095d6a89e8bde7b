package dev.mucengine.server.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's findings about connections and time, against a real {@code serve} on a 256 MB heap,
 * each beside a healthy client that must lose nothing ({@link AbusedServer#probe}): idle
 * connections that never authenticate (finding 1), too many from one address, connections that
 * never authenticate or trickle bytes (finding 3), idle clients (pinged, then closed).
 */
class ConnectionAbuseIT {

    @TempDir
    Path dir;

    /**
     * 6,000 connections that never authenticate and never read, from 60 addresses: half send
     * nothing, half a stream header. The server refuses those beyond its limits and keeps serving;
     * once they go, new clients log in. Before, each connection preallocated a 10,000-slot queue,
     * two buffers and two threads, and the heap ran out.
     */
    @Test
    void sixThousandIdleUnauthenticatedConnectionsLeaveTheServerServingOnceTheyGo() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            List<Socket> idle = new ArrayList<>();
            try {
                server.probe(() -> {
                    for (int i = 0; i < 6_000; i++) {
                        idle.add(idleConnection("127.0.1." + (1 + i / 100), server.port(), i % 2 == 0));
                    }
                });
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            assertThat(server.logsInEventually("127.0.1.200", "watcher")).as("a new client logs in").isTrue();
            assertThat(server.healthCheck()).as("the health check's exit code").isZero();
        }
    }

    @Test
    void connectionsBeyondTheLimitPerAddressAreRefusedWithPolicyViolation() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir)) {
            List<Socket> hundred = new ArrayList<>();
            try {
                server.probe(() -> {
                    for (int i = 0; i < 100; i++) {
                        hundred.add(idleConnection("127.0.2.1", server.port(), false));
                    }
                    try (ProbeClient oneMore = ProbeClient.connect("127.0.2.1", server.port());
                            ProbeClient elsewhere = ProbeClient.connect("127.0.2.2", server.port())) {
                        assertThat(oneMore.streamError()).contains("policy-violation");
                        assertThat(elsewhere.open().localName()).isEqualTo("features");
                    }
                });
            } finally {
                for (Socket s : hundred) {
                    s.close();
                }
            }
        }
    }

    /**
     * 1,000 connections each send 60,000 bytes of an element that never ends: 60 MB in all, within
     * every per-connection limit. The server holds at most 32 MiB of such input: past it, the
     * connection holding the most is closed with {@code policy-violation}; the rest are closed
     * by the (here 3 s) authentication timeout, and the server goes on serving.
     */
    @Test
    void unfinishedStanzasFromManyConnectionsAreBoundedInTotal() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir, "--auth-timeout", "3")) {
            List<ProbeClient> holders = new ArrayList<>();
            try {
                server.probe(() -> {
                    String unfinished = "<iq type='set' id='x'><query xmlns='jabber:iq:register'><username>"
                            + "u".repeat(60_000);
                    for (int i = 0; i < 1_000; i++) {
                        ProbeClient c = ProbeClient.connect("127.0.15." + (1 + i / 100), server.port());
                        holders.add(c);
                        c.send(ProbeClient.HEADER + unfinished);
                    }
                    Map<String, Integer> conditions = new TreeMap<>();
                    for (ProbeClient c : holders) {
                        conditions.merge(c.streamError().orElse("none"), 1, Integer::sum);
                    }
                    System.out.println("1,000 unfinished stanzas of 60 kB ended with " + conditions);
                    assertThat(conditions).containsOnlyKeys("policy-violation", "connection-timeout");
                    assertThat(conditions.get("policy-violation")).as("closed for holding the most").isPositive();
                });
            } finally {
                for (ProbeClient c : holders) {
                    c.close();
                }
            }
        }
    }

    /**
     * With a 2 s authentication timeout: a connection that sends nothing, one that sends only a
     * header, and one that trickles an {@code <auth/>} a byte at a time are all closed with
     * {@code connection-timeout}. Before, there was no timeout: all three stayed forever.
     */
    @Test
    void connectionsThatDoNotAuthenticateInTimeAreClosed() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir, "--auth-timeout", "2")) {
            server.probe(() -> {
                try (ProbeClient silent = ProbeClient.connect("127.0.3.1", server.port());
                        ProbeClient headerOnly = ProbeClient.connect("127.0.3.2", server.port());
                        ProbeClient slowloris = ProbeClient.connect("127.0.3.3", server.port())) {
                    headerOnly.open();
                    slowloris.open();
                    trickle(slowloris, "<auth xmlns='" + ProbeClient.SASL + "' mechanism='PLAIN'>" + "x".repeat(1000));

                    assertThat(silent.streamError()).contains("connection-timeout");
                    assertThat(headerOnly.streamError()).contains("connection-timeout");
                    assertThat(slowloris.streamError()).contains("connection-timeout");
                }
            });
        }
    }

    /**
     * With 1 s idle and ping timeouts: a logged-in client that never answers is pinged (XEP-0199)
     * and then closed; so is one trickling a stanza that never ends; one that answers each ping
     * stays and is pinged again.
     */
    @Test
    void idleClientsArePingedAndThoseThatDoNotAnswerAreClosed() throws Exception {
        try (AbusedServer server = AbusedServer.start(dir, "--idle-timeout", "1", "--ping-timeout", "1")) {
            server.probe(() -> {
                try (ProbeClient quiet = ProbeClient.loggedIn("127.0.4.1", server.port(), "quiet",
                        AbusedServer.PASSWORD, "q");
                        ProbeClient trickler = ProbeClient.loggedIn("127.0.4.2", server.port(), "trickler",
                                AbusedServer.PASSWORD, "t");
                        ProbeClient answerer = ProbeClient.loggedIn("127.0.4.3", server.port(), "answerer",
                                AbusedServer.PASSWORD, "a")) {
                    trickle(trickler, "<message to='localhost'><body>" + "x".repeat(1000));
                    for (int i = 0; i < 2; i++) {
                        Element ping = answerer.next(ConnectionAbuseIT::isServerPing);
                        answerer.send("<iq type='result' to='localhost' id='" + ping.attribute("id").orElseThrow()
                                + "'/>");
                    }

                    assertThat(quiet.next(ConnectionAbuseIT::isServerPing)).isNotNull();
                    assertThat(quiet.streamError()).contains("connection-timeout");
                    assertThat(trickler.streamError()).contains("connection-timeout");
                    answerer.send("<iq type='get' to='localhost' id='still'><ping xmlns='urn:xmpp:ping'/></iq>");
                    assertThat(answerer.next(e -> e.attribute("id").filter("still"::equals).isPresent())
                            .attribute("type")).contains("result");
                }
            });
        }
    }

    private static boolean isServerPing(Element e) {
        return e.localName().equals("iq") && e.attribute("type").filter("get"::equals).isPresent()
                && e.attribute("from").filter("localhost"::equals).isPresent()
                && e.child("urn:xmpp:ping", "ping").isPresent();
    }

    /** A connection from {@code from} that never reads; it sends a stream header if asked. */
    private static Socket idleConnection(String from, int port, boolean header) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        if (header) {
            s.getOutputStream().write(ProbeClient.HEADER.getBytes(StandardCharsets.UTF_8));
        }
        return s;
    }

    /**
     * Sends {@code text} a byte every 100 ms, from a thread of its own, until it is all sent or
     * the connection fails (closing the client ends it).
     */
    private static void trickle(ProbeClient client, String text) {
        Thread t = new Thread(() -> {
            try {
                for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                    client.send(new String(new byte[] {b}, StandardCharsets.UTF_8));
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // closed by the server: the point of the exercise
            }
        }, "trickle");
        t.setDaemon(true);
        t.start();
    }
}
