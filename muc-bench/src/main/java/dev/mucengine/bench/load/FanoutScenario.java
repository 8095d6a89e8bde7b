package dev.mucengine.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Groupchat fan-out in one room: {@code occupants} clients joined, {@code senders} of them each
 * keeping up to {@code window} of its own messages in flight (a closed loop: a sender sends again
 * when its own message comes back). After a warm-up, the deliveries (messages received by any
 * occupant, senders included) in the measured seconds give deliveries per second, the server's
 * CPU time over them the cost of one, and the time from send to receipt the latency. Then the
 * senders stop, everything in flight is awaited, and every receiver's {@link SequenceCheck} must
 * be clean.
 */
final class FanoutScenario implements Scenario {

    static final String RATE = "deliveries/s";
    static final String CPU = "server CPU us/delivery";
    static final String P50 = "p50 ms";
    static final String P99 = "p99 ms";

    private final String key;
    private final int occupants;
    private final int senders;
    private final int window;
    private final int warmupSeconds;
    private final int seconds;
    private final boolean latency;

    FanoutScenario(String key, int occupants, int senders, int window, int warmupSeconds, int seconds,
            boolean latency) {
        this.key = key;
        this.occupants = occupants;
        this.senders = senders;
        this.window = window;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.latency = latency;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String title() {
        return latency
                ? String.format(Locale.ROOT, "latency, %d occupants, %d sender, window %d", occupants, senders, window)
                : String.format(Locale.ROOT, "fan-out, %d occupants, %d sender%s, window %d", occupants, senders,
                        senders == 1 ? "" : "s", window);
    }

    @Override
    public int accounts() {
        return occupants;
    }

    @Override
    public String headline() {
        return latency ? P50 : RATE;
    }

    @Override
    public boolean higherIsBetter() {
        return !latency;
    }

    @Override
    public String cell(Map<String, Double> m) {
        if (latency) {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", m.get(P50), m.get(P99));
        }
        return String.format(Locale.ROOT, "%,.0f deliveries/s (%.1f µs CPU each)", m.get(RATE), m.get(CPU));
    }

    @Override
    public Map<String, Double> run(ServerProcess server, ClientFleet fleet) throws Exception {
        List<BenchClient> clients = fleet.logIn(0, occupants, 100, 120);
        String room = "fanout@" + ServerProcess.MUC_DOMAIN;
        BenchClient owner = clients.get(0);
        ClientFleet.get(owner.join(room, "n0"), 30);
        ClientFleet.get(owner.configureInstant(room), 30);
        List<CompletableFuture<?>> joins = new ArrayList<>();
        for (int i = 1; i < occupants; i++) {
            joins.add(clients.get(i).join(room, "n" + i));
        }
        ClientFleet.await(joins, 120, "joins");
        Thread.sleep(1000); // the last presences settle
        Traffic traffic = new Traffic(senders, window);
        List<CompletableFuture<?>> ready = new ArrayList<>();
        for (BenchClient c : clients) {
            ready.add(c.connection().loop().call(() -> {
                c.receive(traffic);
                return true;
            }));
        }
        ClientFleet.await(ready, 30, "set-up");
        traffic.sending = true;
        List<BenchClient> sending = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            BenchClient sender = clients.get(s * (occupants / senders));
            sending.add(sender);
            sender.startSending(s, room);
        }
        Thread.sleep(warmupSeconds * 1000L);
        fleet.takeLatencies(); // the warm-up's are dropped
        long pid = server.pid();
        long cpuBefore = ProcessStats.cpuNanos(pid);
        long before = traffic.deliveries.sum();
        long start = System.nanoTime();
        traffic.recording = true;
        Thread.sleep(seconds * 1000L);
        traffic.recording = false;
        long delivered = traffic.deliveries.sum() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = ProcessStats.cpuNanos(pid) - cpuBefore;
        traffic.sending = false;
        Samples latencies = fleet.takeLatencies();
        long[] sent = drain(traffic, sending);
        SequenceCheck.Outcome outcome = new SequenceCheck.Outcome(0, 0, 0);
        for (BenchClient c : clients) {
            outcome = outcome.plus(ClientFleet.get(c.connection().loop().call(() -> c.outcome(sent)), 30));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(RATE, delivered / elapsed);
        figures.put(CPU, delivered == 0 ? Double.NaN : cpu / 1e3 / delivered);
        figures.put(P50, latencies.percentileMillis(50));
        figures.put(P99, latencies.percentileMillis(99));
        figures.put("messages sent", (double) Arrays.stream(sent).sum());
        if (!outcome.clean()) {
            throw new DeliveryFailure(String.format(Locale.ROOT, "lost %d, duplicated %d, reordered %d (%s)",
                    outcome.lost(), outcome.duplicated(), outcome.reordered(), figures));
        }
        return figures;
    }

    /**
     * Waits until every message sent has reached every occupant, or nothing more arrives for
     * 5 s; returns how many each sender sent.
     */
    private long[] drain(Traffic traffic, List<BenchClient> sending) throws Exception {
        Thread.sleep(200); // a sender may be inside fillWindow when sending stops
        long[] sent = new long[sending.size()];
        long total = 0;
        for (int s = 0; s < sent.length; s++) {
            BenchClient sender = sending.get(s);
            sent[s] = ClientFleet.get(sender.connection().loop().call(sender::sent), 30);
            total += sent[s];
        }
        long expected = total * occupants;
        long last = -1;
        long lastChange = System.nanoTime();
        while (traffic.deliveries.sum() < expected && System.nanoTime() - lastChange < 5_000_000_000L) {
            long now = traffic.deliveries.sum();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
            Thread.sleep(50);
        }
        return sent;
    }
}
