package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfinedEngineTest {

    private static final org.jxmpp.jid.Jid ROOM = org.jxmpp.jid.impl.JidCreate.entityBareFromOrThrowUnchecked("room@muc.example");

    private static final Duration WAIT = Duration.ofSeconds(20); // a guard, not a timing assertion

    private final List<String> log = new CopyOnWriteArrayList<>();
    private ConfinedEngine engine;

    private ConfinedEngine start(int capacity) {
        engine = new ConfinedEngine(Stanzas.service(new InMemoryRoomStore()), new InMemoryRoomStore(),
                Clock.systemUTC(), capacity, log::add);
        engine.start();
        return engine;
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.stopAfter(() -> { }, WAIT);
    }

    @Test
    void aStartThatCannotStoreTheNewServiceSecretFailsAndALaterStartStoresTheSameOne() {
        OutageStore store = new OutageStore(); // empty: the service creates its secret
        engine = new ConfinedEngine(Stanzas.service(store), store, Clock.systemUTC(), 16, log::add);
        store.down = true;

        assertThatThrownBy(engine::start).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("service secret");
        assertThat(store.applied).isEmpty();

        store.down = false;
        engine.start();
        assertThat(store.stored.serviceSecret()).contains("t-secret1");
    }

    @Test
    void runsTasksOneAtATimeInSubmissionOrderOnOneThread() throws Exception {
        start(16);
        List<Integer> order = new ArrayList<>(); // touched by the engine thread only
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            engine.submit(() -> {
                order.add(n);
                threads.add(Thread.currentThread().getName());
            });
        }

        assertThat(engine.stopAfter(() -> order.add(-1), WAIT)).isTrue();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            expected.add(i);
        }
        expected.add(-1);
        assertThat(order).isEqualTo(expected);
        assertThat(threads).containsOnly("muc-engine-0");
    }

    @Test
    void offerNeverWaitsAndWhenRoomSaysWhenToTryAgain() throws Exception {
        start(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        assertThat(engine.offer(ROOM, () -> {
            busy.countDown();
            await(release);
        })).isEqualTo(ConfinedEngine.Offer.QUEUED);
        assertThat(busy.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(engine.offer(ROOM, () -> { })).isEqualTo(ConfinedEngine.Offer.QUEUED);
        assertThat(engine.offer(ROOM, () -> { })).isEqualTo(ConfinedEngine.Offer.QUEUED);
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(engine.offer(ROOM, () -> ran.set(true))).as("a full queue").isEqualTo(ConfinedEngine.Offer.FULL);
        CountDownLatch room = new CountDownLatch(1);
        engine.whenRoom(ROOM, room::countDown);
        assertThat(room.getCount()).as("told of room while the queue is full").isEqualTo(1);

        release.countDown();

        assertThat(room.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("told once there is room").isTrue();
        assertThat(engine.offer(ROOM, () -> ran.set(true))).isEqualTo(ConfinedEngine.Offer.QUEUED);
        assertThat(engine.stopAfter(() -> { }, WAIT)).isTrue();
        assertThat(ran).as("the task offered again ran").isTrue();
        assertThat(engine.offer(ROOM, () -> { })).as("once stopping").isEqualTo(ConfinedEngine.Offer.REFUSED);
    }

    @Test
    void aFullQueueMakesTheSubmitterWait() throws Exception {
        start(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        engine.submit(() -> {
            busy.countDown();
            await(release);
        });
        assertThat(busy.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        engine.submit(() -> { });
        engine.submit(() -> { }); // the queue is full now
        AtomicBoolean ran = new AtomicBoolean();
        Thread submitter = new Thread(() -> engine.submit(() -> ran.set(true)));

        submitter.start();
        submitter.join(300);
        assertThat(submitter.isAlive()).as("waits for room in the queue").isTrue();

        release.countDown();
        submitter.join(WAIT.toMillis());
        assertThat(submitter.isAlive()).isFalse();
        assertThat(engine.stopAfter(() -> { }, WAIT)).isTrue();
        assertThat(ran).isTrue();
    }

    @Test
    void aFailingTaskIsReportedAndTheNextOneRuns() throws Exception {
        start(16);
        AtomicBoolean next = new AtomicBoolean();

        engine.submit(() -> {
            throw new IllegalStateException("bad stanza");
        });
        engine.submit(() -> next.set(true));

        assertThat(engine.stopAfter(() -> { }, WAIT)).isTrue();
        assertThat(next).isTrue();
        assertThat(log).singleElement().asString().startsWith("engine task failed: ")
                .contains("IllegalStateException: bad stanza");
    }

    @Test
    void stopRunsTheLastTaskAfterEverythingQueuedThenRefusesTasks() throws Exception {
        start(16);
        List<String> order = new CopyOnWriteArrayList<>();
        engine.submit(() -> order.add("queued"));

        assertThat(engine.stopAfter(() -> order.add("last"), WAIT)).isTrue();

        assertThat(engine.submit(() -> order.add("too late"))).isFalse();
        assertThat(engine.stopAfter(() -> order.add("second last"), WAIT)).as("only waits").isTrue();
        assertThat(order).containsExactly("queued", "last");
    }

    @Test
    void stopIsBoundedWhenATaskDoesNotEnd() throws Exception {
        start(16);
        CountDownLatch release = new CountDownLatch(1);
        engine.submit(() -> await(release));

        assertThat(engine.stopAfter(() -> { }, Duration.ofMillis(100))).isFalse();

        release.countDown();
        assertThat(engine.awaitStopped(WAIT)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
