package dev.mucengine.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Joins per second: {@code rooms} rooms are made first (each by an owner of its own, who stays),
 * then {@code clients} logged-in clients all ask to join at once, spread evenly over the rooms,
 * and the time until the last has its self-presence (XEP-0045 §7.2.2, status 110) gives the rate;
 * after one such round into other rooms, as warm-up.
 * Each join also sends the joiner every occupant's presence and every occupant the joiner's.
 */
final class JoinScenario implements Scenario {

    static final String RATE = "joins/s";
    static final String CPU = "server CPU us/join";

    private final int clients;
    private final int rooms;

    JoinScenario(int clients, int rooms) {
        this.clients = clients;
        this.rooms = rooms;
    }

    @Override
    public String key() {
        return "joins";
    }

    @Override
    public String title() {
        return String.format(Locale.ROOT, "joins, %,d clients into %d rooms", clients, rooms);
    }

    @Override
    public int accounts() {
        return rooms + clients;
    }

    @Override
    public String headline() {
        return RATE;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public String cell(Map<String, Double> m) {
        return String.format(Locale.ROOT, "%,.0f joins/s (%.0f µs CPU each)", m.get(RATE), m.get(CPU));
    }

    @Override
    public Map<String, Double> run(ServerProcess server, ClientFleet fleet) throws Exception {
        List<BenchClient> owners = fleet.logIn(0, rooms, 100, 120);
        List<BenchClient> joiners = fleet.logIn(rooms, clients, 100, 300);
        // A warm-up round into rooms of their own first, the same for every server, so that the
        // measured round times joins, not a fresh JVM compiling the join path; the measured joins
        // do the same work (presence to and from the new room's occupants only).
        joinRound("warm", owners, joiners);
        Thread.sleep(1000);
        long cpuBefore = ProcessStats.cpuNanos(server.pid());
        double elapsed = joinRound("join", owners, joiners);
        long cpu = ProcessStats.cpuNanos(server.pid()) - cpuBefore;
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(RATE, clients / elapsed);
        figures.put(CPU, cpu / 1e3 / clients);
        return figures;
    }

    /**
     * The owners make {@code rooms} rooms named with {@code prefix}; then every joiner asks to join
     * at once, spread evenly over them. Returns the seconds from the first join asked for to the
     * last self-presence.
     */
    private double joinRound(String prefix, List<BenchClient> owners, List<BenchClient> joiners) throws Exception {
        List<CompletableFuture<?>> made = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            BenchClient owner = owners.get(r);
            String room = room(prefix, r);
            made.add(owner.join(room, "owner").thenCompose(joined -> owner.configureInstant(room)));
        }
        ClientFleet.await(made, 120, "room creation");
        long start = System.nanoTime();
        List<CompletableFuture<?>> joins = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            joins.add(joiners.get(i).join(room(prefix, i % rooms), "j" + i));
        }
        ClientFleet.await(joins, 300, "joins");
        return (System.nanoTime() - start) / 1e9;
    }

    private static String room(String prefix, int r) {
        return prefix + r + "@" + ServerProcess.MUC_DOMAIN;
    }
}
