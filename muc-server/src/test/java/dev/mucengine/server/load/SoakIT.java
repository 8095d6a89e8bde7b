package dev.mucengine.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak test (issue 10, docs/testing.md): hundreds of clients join rooms on a real
 * {@code serve} process, talk, change nicknames, half of them drop their connection without a
 * word and come back, then all leave, half cleanly, half abruptly; round after round. After a
 * warm-up round the server's rooms, threads and live heap are measured, and after the last round
 * they must be back: no room left, no connection thread left, the JVM's threads as they were, and
 * the live heap within {@link #HEAP_TOLERANCE} of what it was.
 *
 * <p>{@code -Dmucengine.soak.duration=PT1H} runs rounds for an hour (default one minute),
 * {@code -Dmucengine.soak.clients=N} changes the number of clients (default 300).
 */
class SoakIT {

    private static final int CLIENTS = Integer.getInteger("mucengine.soak.clients", 300);
    private static final Duration DURATION = Duration.parse(System.getProperty("mucengine.soak.duration", "PT1M"));
    private static final int PER_ROOM = 30;
    private static final int ROOMS = (CLIENTS + PER_ROOM - 1) / PER_ROOM;
    private static final int MESSAGES = 3;
    private static final String PASSWORD = "pw";
    /**
     * Live objects that may grow without a leak: jxmpp's JID caches and the JVM's own tables fill
     * up to their bounds during the first rounds. A leak of even one small object per session would
     * exceed it: every round opens {@code 1.5 * CLIENTS} sessions (450 by default).
     */
    private static final long HEAP_TOLERANCE = 2L * 1024 * 1024;
    /** Threads the JVM starts and stops by itself (the common fork-join pool, reference handling). */
    private static final int THREAD_TOLERANCE = 3;
    /** Guards the waits for the server to settle, so that a hang fails instead of blocking the build. */
    private static final Duration SETTLE = Duration.ofMinutes(1);
    /** A connection's reader or writer thread ({@code c2s-PORT-in}, {@code c2s-PORT-out}). */
    private static final Pattern CONNECTION_THREAD = Pattern.compile("c2s-\\d+-(in|out)");

    @Test
    void clientsComeAndGoAndTheServerReturnsToItsBaseline(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("muc.server.jar"));
        Path accounts = ServeProcess.accounts(dir, "soak", CLIENTS + 1, PASSWORD);
        // Serial GC and a fixed number of JIT threads: the JVM's own thread count then stays put.
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads");
        // All clients come from 127.0.0.1 and create their rooms again every round, at machine speed:
        // the soak measures churn, not the limits against one address or one user (AbuseIT's).
        List<String> limits = List.of("--max-connections-per-address", "1000", "--room-creations-per-minute", "1000");
        try (ServeProcess serve = ServeProcess.start(jar, accounts, limits, jvm)) {
            ServerProbe probe = new ServerProbe(serve.pid());
            round(serve.port(), 0); // warm-up: classes loaded, code compiled, caches filled
            Snapshot baseline = settle(serve.port(), probe);
            int rounds = 1;
            Instant end = Instant.now().plus(DURATION);
            do {
                round(serve.port(), rounds++);
                System.out.printf("soak: round %d %s%n", rounds - 1, settle(serve.port(), probe));
            } while (Instant.now().isBefore(end));
            Snapshot after = settle(serve.port(), probe);
            System.out.printf("soak: clients=%d rounds=%d baseline=%s after=%s%n", CLIENTS, rounds, baseline, after);
            assertThat(after.threads()).as("threads after %d rounds (baseline %s)", rounds, baseline.names())
                    .isLessThanOrEqualTo(baseline.threads() + THREAD_TOLERANCE);
            assertThat(after.liveHeap()).as("live heap after %d rounds", rounds)
                    .isLessThanOrEqualTo(baseline.liveHeap() + HEAP_TOLERANCE);
        }
    }

    /** What the server holds when nobody is connected. */
    private record Snapshot(int threads, long liveHeap, List<String> names) {
        @Override
        public String toString() {
            return "threads=" + threads + " liveHeap=" + liveHeap / 1024 + "KiB";
        }
    }

    /** Waits for no room and no connection thread to be left, then measures threads and heap. */
    private static Snapshot settle(int port, ServerProbe probe) throws Exception {
        waitFor("every room gone", () -> rooms(port) == 0);
        waitFor("every connection thread gone",
                () -> probe.threadNames().stream().noneMatch(n -> CONNECTION_THREAD.matcher(n).matches()));
        List<String> names = probe.threadNames();
        return new Snapshot(names.size(), probe.liveHeapBytes(), names);
    }

    /**
     * One round: every client enters its room (the first of each room creates and configures it),
     * says {@link #MESSAGES} things and changes nickname; half drop their connection and come back
     * to say one more thing; then half leave cleanly and half drop.
     */
    private static void round(int port, int round) throws Exception {
        List<LoadClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(enter(port, i, round, i < ROOMS));
        }
        clients.forEach(LoadClient::startCounting);
        for (int i = 0; i < CLIENTS; i++) {
            for (int m = 0; m < MESSAGES; m++) {
                clients.get(i).send("<message type='groupchat' to='" + room(i) + "'><body>" + clients.get(i).marker()
                        + "</body></message>");
            }
        }
        for (int i = 0; i < CLIENTS; i++) {
            clients.get(i).send("<presence to='" + room(i) + "/u" + i + "-renamed'/>");
        }
        waitFor("every client's messages reflected to it",
                () -> clients.stream().allMatch(c -> c.own.get() >= MESSAGES));
        assertThat(rooms(port)).as("rooms during round %d", round).isEqualTo(ROOMS);
        for (int i = 1; i < CLIENTS; i += 2) {
            clients.get(i).close(); // abruptly: no unavailable presence, no closing tag
            LoadClient back = enter(port, i, round, false);
            back.startCounting();
            back.send("<message type='groupchat' to='" + room(i) + "'><body>" + back.marker() + "</body></message>");
            clients.set(i, back);
        }
        waitFor("the returning clients' messages reflected", () -> clients.stream().allMatch(c -> c.own.get() >= 1));
        for (int i = 0; i < CLIENTS; i++) {
            if (i % 2 == 0) {
                clients.get(i).send("<presence type='unavailable'/></stream:stream>");
            }
            clients.get(i).close();
        }
    }

    private static LoadClient enter(int port, int i, int round, boolean creates) throws IOException {
        LoadClient c = LoadClient.loggedIn(port, "soak" + i, PASSWORD);
        String nick = room(i) + "/u" + i + "-" + round;
        c.send("<presence to='" + nick + "'><x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/>"
                + "</x></presence>");
        c.await("code='110'");
        if (creates) {
            c.send("<iq type='set' id='cfg' to='" + room(i) + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>");
            c.await("id='cfg'");
        }
        return c;
    }

    private static String room(int i) {
        return "soak" + i % ROOMS + "@conference.localhost";
    }

    /** The rooms the service lists (service disco#items), asked on a connection of its own. */
    private static int rooms(int port) throws IOException {
        try (LoadClient c = LoadClient.loggedIn(port, "soak" + CLIENTS, PASSWORD)) {
            c.send("<iq type='get' id='rooms' to='conference.localhost'>"
                    + "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
            String answer = c.readThrough("</iq>");
            int count = 0;
            for (int at = answer.indexOf("<item "); at >= 0; at = answer.indexOf("<item ", at + 1)) {
                count++;
            }
            return count;
        }
    }

    /** A condition the server reaches by itself, asynchronously; only guarded against hanging. */
    private static void waitFor(String what, Check condition) throws Exception {
        Instant guard = Instant.now().plus(SETTLE);
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(guard);
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
