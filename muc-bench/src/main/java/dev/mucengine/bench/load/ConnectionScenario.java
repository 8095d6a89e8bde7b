package dev.mucengine.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Many concurrent connections: {@code connections} clients log in and each joins one room of up
 * to {@code perRoom}; then the server's threads and resident memory are read, and every
 * connection sends one XMPP ping (XEP-0199 §4.2), the pings spread evenly over
 * {@value #PING_SECONDS} seconds (a server with this many clients answers a steady trickle of
 * pings, not all of them at one instant): the round trips' percentiles. Then every connection
 * pings once more, all at once, for the worst case ("burst").
 */
final class ConnectionScenario implements Scenario {

    static final String THREADS = "threads";
    static final String RSS = "RSS MB";
    static final String P50 = "ping p50 ms";
    static final String P99 = "ping p99 ms";
    static final String BURST_P99 = "burst ping p99 ms";
    private static final int PING_SECONDS = 5;
    static final String LOGINS = "logins and joins/s";

    private final int connections;
    private final int perRoom;

    ConnectionScenario(int connections, int perRoom) {
        this.connections = connections;
        this.perRoom = perRoom;
    }

    @Override
    public String key() {
        return "connections";
    }

    @Override
    public String title() {
        return String.format(Locale.ROOT, "%,d connections, each in a room of %d, one ping each", connections,
                perRoom);
    }

    @Override
    public int accounts() {
        return connections;
    }

    @Override
    public String headline() {
        return P99;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public String cell(Map<String, Double> m) {
        double threads = m.get(THREADS);
        return String.format(Locale.ROOT,
                "ping p99 %.1f ms (p50 %.1f; all at once: p99 %.0f ms); %.0f thread%s; %.0f MB RSS", m.get(P99),
                m.get(P50), m.get(BURST_P99), threads, threads == 1 ? "" : "s", m.get(RSS));
    }

    @Override
    public Map<String, Double> run(ServerProcess server, ClientFleet fleet) throws Exception {
        long start = System.nanoTime();
        List<BenchClient> clients = fleet.logIn(0, connections, 100, 600);
        List<CompletableFuture<?>> made = new ArrayList<>();
        for (int i = 0; i < connections; i += perRoom) {
            BenchClient owner = clients.get(i);
            String room = room(i);
            made.add(owner.join(room, "u" + i).thenCompose(joined -> owner.configureInstant(room)));
        }
        ClientFleet.await(made, 300, "room creation");
        List<CompletableFuture<?>> joins = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            if (i % perRoom != 0) {
                joins.add(clients.get(i).join(room(i), "u" + i));
            }
        }
        ClientFleet.await(joins, 600, "joins");
        double loginSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000);
        long threads = ProcessStats.threads(server.pid());
        long rss = ProcessStats.residentBytes(server.pid());
        long interval = PING_SECONDS * 1_000_000_000L / clients.size();
        long pingStart = System.nanoTime();
        List<CompletableFuture<Long>> pings = new ArrayList<>(connections);
        for (int i = 0; i < clients.size(); i++) {
            long due = pingStart + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            pings.add(clients.get(i).ping(ServerProcess.DOMAIN));
        }
        Samples roundTrips = roundTrips(pings);
        List<CompletableFuture<Long>> burst = new ArrayList<>(connections);
        for (BenchClient c : clients) {
            burst.add(c.ping(ServerProcess.DOMAIN));
        }
        Samples burstRoundTrips = roundTrips(burst);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(P50, roundTrips.percentileMillis(50));
        figures.put(P99, roundTrips.percentileMillis(99));
        figures.put("ping max ms", roundTrips.percentileMillis(100));
        figures.put(BURST_P99, burstRoundTrips.percentileMillis(99));
        figures.put(THREADS, (double) threads);
        figures.put(RSS, rss / 1048576.0);
        figures.put(LOGINS, connections / loginSeconds);
        return figures;
    }

    private static Samples roundTrips(List<CompletableFuture<Long>> pings) throws Exception {
        ClientFleet.await(pings, 300, "pings");
        Samples roundTrips = new Samples();
        for (CompletableFuture<Long> p : pings) {
            roundTrips.add(p.join());
        }
        return roundTrips;
    }

    private String room(int i) {
        return "conn" + (i / perRoom) + "@" + ServerProcess.MUC_DOMAIN;
    }
}
