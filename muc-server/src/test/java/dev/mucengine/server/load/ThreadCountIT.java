package dev.mucengine.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No thread per connection (issue 12): a real {@code serve} process with 500 clients logged in,
 * each in a room and answering a ping, runs on the threads it had with one client. Before, each
 * connection had a reader and a writer thread: 500 clients were 1,000 threads more.
 */
class ThreadCountIT {

    private static final int CLIENTS = 500;
    private static final int PER_ROOM = 50;
    private static final String PASSWORD = "pw";
    /** Threads the JVM starts and stops by itself (the common fork-join pool, reference handling). */
    private static final int THREAD_TOLERANCE = 3;

    @Test
    void fiveHundredClientsInRoomsAddNoThreads(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("muc.server.jar"));
        Path accounts = ServeProcess.accounts(dir, "user", CLIENTS + 1, PASSWORD);
        // Serial GC and a fixed number of JIT threads: the JVM's own thread count then stays put.
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads");
        List<String> limits = List.of("--max-connections-per-address", "1000", "--room-creations-per-minute", "1000");
        List<LoadClient> clients = new ArrayList<>();
        try (ServeProcess serve = ServeProcess.start(jar, accounts, limits, jvm)) {
            ServerProbe probe = new ServerProbe(serve.pid());
            try (LoadClient first = enter(serve.port(), CLIENTS)) {
                pingAnswered(first); // classes loaded, the engine and a selector thread at work
                List<String> baseline = probe.threadNames();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(enter(serve.port(), i));
                }
                for (LoadClient c : clients) {
                    pingAnswered(c);
                }
                List<String> loaded = probe.threadNames();
                System.out.printf("threads: %d with one client, %d with %d more%n", baseline.size(), loaded.size(),
                        CLIENTS);
                assertThat(loaded).as("threads with %d clients in rooms (with one: %s)", CLIENTS + 1, baseline)
                        .hasSizeLessThanOrEqualTo(baseline.size() + THREAD_TOLERANCE)
                        .anyMatch(n -> n.startsWith("c2s-selector-"))
                        .noneMatch(n -> n.matches("c2s-\\d+-(in|out)"));
            } finally {
                for (LoadClient c : clients) {
                    c.close();
                }
            }
        }
    }

    private static LoadClient enter(int port, int i) throws Exception {
        LoadClient c = LoadClient.loggedIn(port, "user" + i, PASSWORD);
        c.send("<presence to='room" + i / PER_ROOM + "@conference.localhost/u" + i + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x></presence>");
        c.await("code='110'");
        if (i % PER_ROOM == 0) { // it created the room: an instant room, unlocked for the others (XEP-0045 §10.1.2)
            c.send("<iq type='set' id='cfg' to='room" + i / PER_ROOM + "@conference.localhost'>"
                    + "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/>"
                    + "</query></iq>");
            c.await("id='cfg'");
        }
        return c;
    }

    private static void pingAnswered(LoadClient c) throws Exception {
        c.send("<iq type='get' id='ping' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        c.await("id='ping'"); // the answer: the server reads and writes on this connection
    }
}
