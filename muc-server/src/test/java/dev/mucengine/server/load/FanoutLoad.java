package dev.mucengine.server.load;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A measuring tool, not a test: groupchat fan-out through {@code serve}, in memory and with a
 * store, measured the same way, alternately. One persistent room (so every message is archived),
 * {@code occupants} clients in it, {@code senders} of them each keeping up to {@code window} of
 * their own messages in flight; after a warm-up, the bodies every client receives are counted for
 * the measured seconds. Deliveries per second = all bodies received / seconds.
 *
 * <pre>
 * java [-Dload.database=jdbc:postgresql://HOST:PORT/DB?user=U&amp;password=P] \
 *     -cp muc-server/target/test-classes:muc-server/target/muc-server.jar dev.mucengine.server.load.FanoutLoad \
 *     muc-server/target/muc-server.jar [runs=3] [occupants=50] [senders=5] [window=20] [seconds=15]
 * </pre>
 *
 * Modes: {@code memory} (no store options), {@code sqlite} ({@code --data} in a fresh temporary
 * directory), and {@code postgresql} when {@code -Dload.database} is set (its {@code public}
 * schema is dropped and created again before each run, so every run starts empty: use a
 * database of its own).
 */
public final class FanoutLoad {

    private static final String ROOM = "fanout@conference.localhost";
    private static final String PASSWORD = "pw";
    private static final int WARMUP_SECONDS = 5;

    private FanoutLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int runs = arg(args, 1, 3);
        int occupants = arg(args, 2, 50);
        int senders = arg(args, 3, 5);
        int window = arg(args, 4, 20);
        int seconds = arg(args, 5, 15);
        List<String> modes = new ArrayList<>(List.of("memory", "sqlite"));
        String database = System.getProperty("load.database", "");
        if (!database.isEmpty()) {
            modes.add("postgresql");
        }
        System.out.printf("fan-out: occupants=%d senders=%d window=%d warmup=%ds measured=%ds%n", occupants, senders,
                window, WARMUP_SECONDS, seconds);
        for (int run = 1; run <= runs; run++) {
            for (String mode : modes) {
                Path dir = Files.createTempDirectory("fanout");
                List<String> store = switch (mode) {
                    case "sqlite" -> List.of("--data", dir.resolve("data").toString());
                    case "postgresql" -> {
                        emptied(database);
                        yield List.of("--database", database);
                    }
                    default -> List.of();
                };
                Path accounts = ServeProcess.accounts(dir, "load", occupants, PASSWORD);
                try (ServeProcess serve = ServeProcess.start(jar, accounts, store, List.of("-Xmx512m"))) {
                    double perSecond = measure(serve.port(), occupants, senders, window, seconds);
                    System.out.printf("run=%d mode=%s deliveries/s=%.0f messages/s=%.0f%n", run, mode, perSecond,
                            perSecond / occupants);
                    serve.terminate();
                }
            }
        }
    }

    /** Drops everything in the database's public schema: each run starts from an empty store. */
    private static void emptied(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    private static double measure(int port, int occupants, int senders, int window, int seconds) throws Exception {
        List<LoadClient> clients = new ArrayList<>();
        LoadClient owner = LoadClient.loggedIn(port, "load0", PASSWORD);
        clients.add(owner);
        owner.send("<presence to='" + ROOM + "/n0'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        owner.await("</presence>");
        owner.send("<iq type='set' id='cfg' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>"
                + "http://jabber.org/protocol/muc#roomconfig</value></field><field var='muc#roomconfig_persistentroom'>"
                + "<value>1</value></field><field var='muc#roomconfig_maxusers'><value>0</value></field></x></query></iq>");
        owner.await("id='cfg'");
        for (int i = 1; i < occupants; i++) {
            LoadClient c = LoadClient.loggedIn(port, "load" + i, PASSWORD);
            c.send("<presence to='" + ROOM + "/n" + i + "'><x xmlns='http://jabber.org/protocol/muc'>"
                    + "<history maxstanzas='0'/></x></presence>");
            c.await("code='110'");
            clients.add(c);
        }
        clients.forEach(LoadClient::startCounting);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            LoadClient sender = clients.get(s * (occupants / senders));
            Thread t = new Thread(() -> send(sender, window, running), "load-sender-" + s);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        long before = total(clients);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long after = total(clients);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) {
            t.join(5_000);
        }
        for (LoadClient c : clients) {
            c.close();
        }
        return (after - before) / elapsed;
    }

    /** Keeps up to {@code window} of the sender's messages in flight until told to stop. */
    private static void send(LoadClient sender, int window, AtomicBoolean running) {
        long sent = 0;
        try {
            while (running.get()) {
                if (sent - sender.own.get() < window) {
                    sender.send("<message type='groupchat' to='" + ROOM + "'><body>" + sender.marker() + sent
                            + " a message of ordinary length for a group chat</body></message>");
                    sent++;
                } else {
                    Thread.onSpinWait();
                    Thread.sleep(0, 100_000);
                }
            }
        } catch (Exception e) {
            // the connection closed at the end
        }
    }

    private static long total(List<LoadClient> clients) {
        long sum = 0;
        for (LoadClient c : clients) {
            sum += c.bodies.get();
        }
        return sum;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
