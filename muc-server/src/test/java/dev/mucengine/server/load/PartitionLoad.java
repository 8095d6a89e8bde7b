package dev.mucengine.server.load;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.StanzaRouter;
import dev.mucengine.xml.ParseResult;
import dev.mucengine.xml.XmlParser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A measuring tool, not a test: the engine alone ({@link ConfinedEngine} and {@link StanzaRouter},
 * no sockets, no serialization), with its rooms partitioned over 1, 2, ... engine threads.
 * {@code rooms} rooms of {@code occupants} occupants each; {@code messages} groupchat messages to
 * every room, round robin, are queued while every partition is held at a gate, then the gates
 * open and the destination counts the deliveries (so the submitting thread does not compete with
 * the engine threads for the cores). Deliveries per second = deliveries / time from opening the
 * gates until the last delivery; CPU per delivery = CPU time of the process in that window (the
 * engine threads, GC and JIT; the submitting thread waits) / deliveries (what partitioning costs, whatever else runs on the machine). A first round
 * warms the JIT up and is not reported. In memory: no store, so no commit cost.
 *
 * <pre>
 * java -cp muc-server/target/test-classes:muc-server/target/muc-server.jar \
 *     dev.mucengine.server.load.PartitionLoad [maxThreads=2] [rooms=16] [occupants=50] [messages=2000] [runs=3]
 * </pre>
 */
public final class PartitionLoad {

    private static final String SERVICE = "conference.localhost";
    private static final XmlParser PARSER = new XmlParser();

    private PartitionLoad() {
    }

    public static void main(String[] args) throws Exception {
        int maxThreads = arg(args, 0, 2);
        int rooms = arg(args, 1, 16);
        int occupants = arg(args, 2, 50);
        int messages = arg(args, 3, 2000);
        int runs = arg(args, 4, 3);
        System.out.printf("rooms=%d occupants=%d messages per room=%d, %d cores%n", rooms, occupants, messages,
                Runtime.getRuntime().availableProcessors());
        for (int threads = 1; threads <= maxThreads; threads++) {
            measure(threads, rooms, occupants, messages); // warm-up
        }
        for (int run = 1; run <= runs; run++) {
            for (int threads = 1; threads <= maxThreads; threads++) {
                double[] result = measure(threads, rooms, occupants, messages);
                System.out.printf("run %d, %d engine thread(s): %,.0f deliveries/s, %.0f ns CPU per delivery%n",
                        run, threads, result[0], result[1]);
            }
        }
    }

    /** Deliveries per second and CPU nanoseconds per delivery. */
    private static double[] measure(int threads, int rooms, int occupants, int messages) throws Exception {
        InMemoryRoomStore store = new InMemoryRoomStore();
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFrom(SERVICE)), store,
                IdSource.unique());
        int capacity = rooms * (messages + occupants + 2);
        ConfinedEngine engine = new ConfinedEngine(service, store, Clock.systemUTC(), capacity, System.err::println,
                threads, p -> IdSource.unique());
        LongAdder delivered = new LongAdder();
        long expected = (long) rooms * messages * occupants;
        CountDownLatch done = new CountDownLatch(1);
        LongAdder bodies = new LongAdder();
        StanzaRouter router = new StanzaRouter(engine, stanza -> {
            delivered.increment();
            if (stanza.element().child(Stanza.CLIENT_NAMESPACE, "body").isPresent()) {
                bodies.increment();
                if (bodies.sum() == expected) {
                    done.countDown();
                }
            }
            return List.of();
        });
        engine.start();
        List<Jid> roomJids = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            Jid room = JidCreate.from("room" + r + "@" + SERVICE);
            roomJids.add(room);
            for (int o = 0; o < occupants; o++) {
                Stanza join = parse("<presence from='u" + o + "@localhost/r' to='" + room + "/n" + o + "'/>");
                engine.submit(room, () -> router.route(join));
            }
        }
        List<List<Stanza>> perRoom = new ArrayList<>();
        for (Jid room : roomJids) {
            List<Stanza> list = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                list.add(parse("<message type='groupchat' id='m" + m + "' from='u" + m % occupants
                        + "@localhost/r' to='" + room + "'><body>message " + m + "</body></message>"));
            }
            perRoom.add(list);
        }
        CountDownLatch joined = new CountDownLatch(rooms);
        for (Jid room : roomJids) {
            engine.submit(room, joined::countDown); // after the room's joins, on its partition
        }
        joined.await();
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(engine.partitions());
        for (int p = 0; p < engine.partitions(); p++) {
            engine.submit(roomOn(p, engine), () -> {
                held.countDown();
                awaitQuietly(gate);
            });
        }
        held.await();
        for (int m = 0; m < messages; m++) {
            for (int r = 0; r < rooms; r++) {
                Stanza message = perRoom.get(r).get(m);
                engine.submit(roomJids.get(r), () -> router.route(message));
            }
        }
        long cpuBefore = cpuNanos();
        long start = System.nanoTime();
        gate.countDown();
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every message arrived: " + bodies.sum() + " of " + expected);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = cpuNanos() - cpuBefore;
        engine.stopAfter(() -> { }, Duration.ofSeconds(10));
        return new double[] {bodies.sum() / seconds, (double) cpu / bodies.sum()};
    }

    /** CPU time of this process so far (the engine threads, and GC and JIT with them). */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Some address on partition {@code p}, for the gate task. */
    private static Jid roomOn(int p, ConfinedEngine engine) throws Exception {
        for (int i = 0; ; i++) {
            Jid jid = JidCreate.from("gate" + i + "@" + SERVICE);
            if (engine.partitionOf(jid) == p) {
                return jid;
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Stanza parse(String xml) {
        if (PARSER.parseFragment(xml, Stanza.CLIENT_NAMESPACE) instanceof ParseResult.Parsed p
                && Stanza.parse(p.element()) instanceof StanzaResult.Valid v) {
            return v.stanza();
        }
        throw new IllegalArgumentException(xml);
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }
}
