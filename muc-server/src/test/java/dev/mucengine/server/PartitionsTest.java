package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.xml.XmlSerializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** The engine with its rooms partitioned over several threads, with the engine's real outputs. */
class PartitionsTest {

    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private final List<Partitioned> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Partitioned p : started) {
            p.engine.stopAfter(() -> { }, Duration.ofSeconds(20));
        }
    }

    @Test
    void aRoomMakesProgressWhileAnotherPartitionIsBusy() throws Exception {
        Partitioned p = start(2, UnaryOperator.identity());
        String blocked = roomOn(p, 0, "blocked");
        String free = roomOn(p, 1, "free");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Stanza> joined = new CompletableFuture<>();
        p.onDelivery = s -> {
            if (s.from().orElseThrow().toString().startsWith(free)) {
                joined.complete(s);
            }
        };
        p.engine.submit(jid(blocked), () -> awaitQuietly(release)); // partition 0 is busy until released

        p.route(join("a@localhost/1", free + "/A"));

        try {
            assertThat(joined.get(20, TimeUnit.SECONDS).toString()).contains("code='110'");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theServiceAnswersWhatReadsNoRoomWhileAnotherPartitionIsBusy() throws Exception {
        Partitioned p = start(2, UnaryOperator.identity());
        String busy = roomOn(p, 1, "busy");
        p.route(join("owner@localhost/1", busy + "/O")); // an open room: listed
        p.settle();
        p.delivered.clear();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(3);
        p.onDelivery = s -> {
            if (s.from().orElseThrow().toString().equals(Stanzas.SERVICE)) {
                answered.countDown();
            }
        };
        p.engine.submit(jid(busy), () -> awaitQuietly(release)); // partition 1 is busy until released

        p.route(serviceIq("ping", "<ping xmlns='urn:xmpp:ping'/>"));
        p.route(serviceIq("info", "<query xmlns='http://jabber.org/protocol/disco#info'/>"));
        p.route(serviceIq("items", "<query xmlns='http://jabber.org/protocol/disco#items'/>"));

        try {
            assertThat(answered.await(20, TimeUnit.SECONDS)).as("answered with partition 1 still busy").isTrue();
        } finally {
            release.countDown();
        }
        assertThat(p.delivered).extracting(s -> s.element().attribute("id").orElse(""))
                .containsExactly("ping", "info", "items");
        assertThat(p.delivered.get(2).toString()).as("the busy partition's room, from the directory")
                .contains("jid='" + busy + "'");
    }

    @Test
    void anAdministratorsDestroyCommandWaitsUntilTheRoomsPartitionPauses() throws Exception {
        Partitioned p = start(2, config -> config.withAdmins(Set.of(jid("admin@localhost").asBareJid())));
        String room = roomOn(p, 1, "doomed");
        p.route(join("owner@localhost/1", room + "/O"));
        p.settle();
        p.delivered.clear();
        CompletableFuture<Thread> partitionZero = new CompletableFuture<>();
        p.engine.submit(() -> partitionZero.complete(Thread.currentThread()));
        CountDownLatch release = new CountDownLatch(1);
        p.engine.submit(jid(room), () -> awaitQuietly(release)); // the room's partition is busy until released

        p.route("<iq type='set' id='destroy' from='admin@localhost/desk' to='" + Stanzas.SERVICE + "'>"
                + "<command xmlns='http://jabber.org/protocol/commands' node='http://prosody.im/protocol/muc#destroy'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='rooms'><value>" + room + "</value></field>"
                + "</x></command></iq>");
        try {
            Thread zero = partitionZero.get(20, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (p.delivered.isEmpty() && !waitingForTheOthersToPause(zero) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(p.delivered).as("nothing of the command before the room's partition pauses").isEmpty();
            assertThat(waitingForTheOthersToPause(zero)).isTrue();
        } finally {
            release.countDown();
        }
        p.settle();

        assertThat(p.delivered).hasSize(2);
        assertThat(p.delivered.get(0).toString()).contains("type='unavailable'").contains("<destroy");
        assertThat(p.delivered.get(1).toString()).contains("status='completed'").contains(room);
    }

    @Test
    void theFirstStartStoresTheNewServiceSecretBeforeAnyStanzaIsHandled() throws Exception {
        OutageStore store = new OutageStore(); // empty: the service creates its secret
        Partitioned p = start(2, UnaryOperator.identity(), store);
        List<DurableChange> secretAlone = List.of(new DurableChange.ServiceSecretCreated("t-secret1"));
        assertThat(store.applied).as("stored by the start, before any stanza").containsExactly(secretAlone);

        p.route(join("u@localhost/1", roomOn(p, 0, "a") + "/U"));
        p.route(join("u@localhost/1", roomOn(p, 1, "b") + "/U"));
        p.settle();

        assertThat(p.delivered).filteredOn(s -> s.element().localName().equals("presence")).hasSize(2)
                .allSatisfy(s -> assertThat(s.element().elements())
                        .anyMatch(e -> e.is(XmppNamespaces.OCCUPANT_ID, "occupant-id")));
        assertThat(store.applied).as("no stanza's batch carries it again").containsExactly(secretAlone);
    }

    @Test
    void serviceDiscoListsTheRoomsOfEveryPartition() throws Exception {
        Partitioned p = start(2, UnaryOperator.identity());
        List<String> rooms = List.of(roomOn(p, 0, "a"), roomOn(p, 1, "b"), roomOn(p, 0, "c"), roomOn(p, 1, "d"));
        for (String room : rooms) {
            p.route(join("owner@localhost/1", room + "/O"));
        }
        p.settle();
        p.delivered.clear();

        p.route("<iq type='get' id='d1' from='u@localhost/1' to='" + Stanzas.SERVICE + "'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
        p.settle();

        assertThat(p.delivered).singleElement().satisfies(reply -> {
            String xml = reply.toString();
            rooms.forEach(room -> assertThat(xml).contains("jid='" + room + "'"));
        });
    }

    @Test
    void roomsPerUserHoldAcrossPartitions() throws Exception {
        Partitioned p = start(2, config -> config.withLimits(Limits.DEFAULTS.withMaxRoomsPerUser(3)));
        for (int i = 0; i < 4; i++) {
            p.route(join("maker@localhost/1", roomOn(p, 0, "zero" + i) + "/M"));
            p.route(join("maker@localhost/1", roomOn(p, 1, "one" + i) + "/M"));
        }
        p.settle();

        assertThat(created(p)).isEqualTo(3);
        assertThat(refused(p, Condition.NOT_ALLOWED)).isEqualTo(5);
    }

    @Test
    void roomCreationsPerMinuteHoldAcrossPartitions() throws Exception {
        Partitioned p = start(2, config -> config.withLimits(Limits.DEFAULTS.withRoomCreationsPerMinute(5)));
        for (int i = 0; i < 4; i++) {
            p.route(join("maker@localhost/1", roomOn(p, 0, "zero" + i) + "/M"));
            p.route(join("maker@localhost/1", roomOn(p, 1, "one" + i) + "/M"));
        }
        p.settle();

        assertThat(created(p)).isEqualTo(5);
        assertThat(refused(p, Condition.RESOURCE_CONSTRAINT)).isEqualTo(3);
    }

    @Test
    void eachRoomsOutputsAreTheSameWithOneAndWithFourPartitions() throws Exception {
        Map<String, List<String>> one = replay(1);
        Map<String, List<String>> four = replay(4);

        assertThat(one).hasSize(8);
        assertThat(four).isEqualTo(one);
    }

    @Test
    void shutdownTellsTheOccupantsOfEveryPartition() throws Exception {
        Partitioned p = start(2, UnaryOperator.identity());
        List<String> rooms = List.of(roomOn(p, 0, "a"), roomOn(p, 1, "b"));
        for (String room : rooms) {
            p.route(join("x@localhost/1", room + "/X"));
            p.route(join("y@localhost/1", room + "/Y"));
        }
        p.settle();
        p.delivered.clear();

        assertThat(p.engine.stopAfter(() -> p.router.shutdown(), Duration.ofSeconds(20))).isTrue();

        assertThat(p.delivered).hasSize(4).allSatisfy(s -> assertThat(s.toString()).contains("code='332'"));
        assertThat(p.delivered.stream().map(s -> s.from().orElseThrow().asBareJid().toString()).distinct())
                .containsExactlyInAnyOrderElementsOf(rooms);
    }

    /**
     * Eight rooms, three users each, who join, talk (without ids: the room draws them), change
     * the subject and leave; every room's inputs in the same order, the rooms' interleaved as the
     * partitions run them. Returns each room's outputs, serialized.
     */
    private Map<String, List<String>> replay(int threads) throws Exception {
        Partitioned p = start(threads, UnaryOperator.identity());
        List<String> rooms = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            rooms.add("room" + r + "@" + Stanzas.SERVICE);
        }
        for (int step = 0; step < 3; step++) {
            for (String room : rooms) {
                p.route(join("u" + step + "@localhost/1", room + "/n" + step));
            }
        }
        for (int step = 0; step < 5; step++) {
            for (String room : rooms) {
                p.route("<message type='groupchat' from='u" + step % 3 + "@localhost/1' to='" + room + "'>"
                        + "<body>message " + step + "</body></message>");
            }
        }
        for (String room : rooms) {
            p.route("<message type='groupchat' from='u0@localhost/1' to='" + room + "'>"
                    + "<subject>topic of " + room + "</subject></message>");
            p.route("<presence type='unavailable' from='u1@localhost/1' to='" + room + "/n1'/>");
        }
        p.settle();
        Map<String, List<String>> byRoom = new LinkedHashMap<>();
        for (String room : rooms) {
            byRoom.put(room, new ArrayList<>());
        }
        for (Stanza s : p.delivered) {
            byRoom.get(s.from().orElseThrow().asBareJid().toString()).add(SERIALIZER.toXml(s.element()));
        }
        return byRoom;
    }

    private static long created(Partitioned p) {
        return p.delivered.stream().filter(s -> s.toString().contains("code='201'")).count();
    }

    private static long refused(Partitioned p, Condition condition) {
        return p.delivered.stream().filter(s -> s.error().map(e -> e.condition() == condition).orElse(false)).count();
    }

    /** A room address (with {@code name} in it) that lives in {@code partition}. */
    private static String roomOn(Partitioned p, int partition, String name) {
        for (int i = 0; ; i++) {
            String room = name + i + "@" + Stanzas.SERVICE;
            if (p.engine.partitionOf(jid(room)) == partition) {
                return room;
            }
        }
    }

    private static String serviceIq(String id, String payload) {
        return "<iq type='get' id='" + id + "' from='u@localhost/1' to='" + Stanzas.SERVICE + "'>" + payload + "</iq>";
    }

    /** Whether {@code engineThread} (partition 0) is running a service-wide task, waiting for the others to pause. */
    private static boolean waitingForTheOthersToPause(Thread engineThread) {
        return Arrays.stream(engineThread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(ServiceWidePause.class.getName())
                        && frame.getMethodName().equals("awaitUninterruptibly"));
    }

    private static String join(String user, String occupant) {
        return "<presence from='" + user + "' to='" + occupant + "'/>"; // groupchat 1.0: an open room
    }

    private static Jid jid(String text) {
        return JidCreate.fromOrThrowUnchecked(text);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Partitioned start(int threads, UnaryOperator<ServiceConfig> configure) {
        return start(threads, configure, new InMemoryRoomStore());
    }

    private Partitioned start(int threads, UnaryOperator<ServiceConfig> configure, RoomStore store) {
        MucService service = new MucService(configure.apply(ServiceConfig.of(
                JidCreate.domainBareFromOrThrowUnchecked(Stanzas.SERVICE))), store, IdSource.sequential("t-"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Partitioned p = new Partitioned(new ConfinedEngine(service, store, clock, 64, line -> { }, threads,
                partition -> IdSource.sequentialPerRoom("t-")));
        started.add(p);
        p.engine.start();
        return p;
    }

    /** An engine of several partitions, a router, and what reached the destination (from any partition). */
    private static final class Partitioned {
        final ConfinedEngine engine;
        final StanzaRouter router;
        final List<Stanza> delivered = new CopyOnWriteArrayList<>();
        volatile Consumer<Stanza> onDelivery = s -> { };

        Partitioned(ConfinedEngine engine) {
            this.engine = engine;
            this.router = new StanzaRouter(engine, stanza -> {
                delivered.add(stanza);
                onDelivery.accept(stanza);
                return List.of();
            });
        }

        /** Submits a stanza to the partition of its room, as the component transport does. */
        void route(String xml) {
            Stanza stanza = Stanzas.parse(xml);
            Optional<Jid> to = stanza.to();
            engine.submit(to.orElseThrow(), () -> router.route(stanza));
        }

        /** Waits until every partition has handled and released what was submitted before. */
        void settle() throws Exception {
            for (int round = 0; round < 2; round++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                engine.serviceWide(() -> done.complete(null));
                done.get(20, TimeUnit.SECONDS);
            }
        }
    }
}
