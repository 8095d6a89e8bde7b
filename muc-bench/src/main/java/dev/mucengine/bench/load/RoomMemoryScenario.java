package dev.mucengine.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * What a live room costs: two clients log in, the server's resident memory is read, then the
 * first makes {@code rooms} instant rooms and the second joins each (so every room has two
 * occupants), and the growth of resident memory is divided by the rooms. The connections are
 * made before the first reading, so their cost is not counted. For a JVM the live heap after a
 * full collection is read the same way.
 */
final class RoomMemoryScenario implements Scenario {

    static final String RSS = "RSS kB/room";
    static final String HEAP = "live heap kB/room";
    private static final int IN_FLIGHT = 50;

    private final int rooms;

    RoomMemoryScenario(int rooms) {
        this.rooms = rooms;
    }

    @Override
    public String key() {
        return "memory";
    }

    @Override
    public String title() {
        return String.format(Locale.ROOT, "memory, %,d rooms x 2 occupants", rooms);
    }

    @Override
    public int accounts() {
        return 2;
    }

    @Override
    public String headline() {
        return RSS;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public String cell(Map<String, Double> m) {
        Double heap = m.get(HEAP);
        return String.format(Locale.ROOT, "%.1f kB RSS per room", m.get(RSS))
                + (heap == null || heap.isNaN() ? "" : String.format(Locale.ROOT, "; %.2f kB live heap", heap));
    }

    @Override
    public Map<String, Double> run(ServerProcess server, ClientFleet fleet) throws Exception {
        List<BenchClient> two = fleet.logIn(0, 2, 2, 60);
        BenchClient owner = two.get(0);
        BenchClient guest = two.get(1);
        Thread.sleep(2000);
        OptionalLong heapBefore = server.liveHeapBytes();
        long rssBefore = ProcessStats.residentBytes(server.pid());
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> made = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            inFlight.acquire();
            String room = "mem" + r + "@" + ServerProcess.MUC_DOMAIN;
            CompletableFuture<?> done = owner.join(room, "a").thenCompose(joined -> owner.configureInstant(room))
                    .thenCompose(configured -> guest.join(room, "b"));
            done.whenComplete((ok, failed) -> inFlight.release());
            made.add(done);
        }
        ClientFleet.await(made, 300, "rooms");
        Thread.sleep(2000);
        OptionalLong heapAfter = server.liveHeapBytes();
        long rssAfter = ProcessStats.residentBytes(server.pid());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(RSS, (rssAfter - rssBefore) / 1024.0 / rooms);
        figures.put(HEAP, heapBefore.isPresent() && heapAfter.isPresent()
                ? (heapAfter.getAsLong() - heapBefore.getAsLong()) / 1024.0 / rooms : Double.NaN);
        figures.put("RSS MB", rssAfter / 1048576.0);
        return figures;
    }
}
