package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.server.ConfinedEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A connection's way into a full engine, on a real selector thread and a real engine thread:
 * nothing blocks the selector thread, the connection's tasks wait in order, and once the engine
 * has room they go in and the connection is told to read on.
 */
class EngineInboxTest {

    private static final org.jxmpp.jid.Jid ACCOUNT = org.jxmpp.jid.impl.JidCreate.entityBareFromOrThrowUnchecked("user@example.org");

    private static final long WAIT_SECONDS = 20; // a guard, not a timing assertion

    private final ConfinedEngine engine = new ConfinedEngine(
            new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.localhost")),
                    new InMemoryRoomStore(), IdSource.sequential("t")),
            new InMemoryRoomStore(), Clock.systemUTC(), 1, line -> { });
    private SelectorLoop loop;

    @AfterEach
    void stop() throws InterruptedException {
        engine.stopAfter(() -> { }, Duration.ofSeconds(WAIT_SECONDS));
        if (loop != null) {
            loop.stop();
        }
    }

    @Test
    void tasksWaitInOrderWhileTheEngineIsFullAndTheConnectionReadsOnAfterwards() throws Exception {
        engine.start();
        loop = new SelectorLoop("test-selector", 1000);
        loop.start();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch caughtUp = new CountDownLatch(1);
        EngineInbox[] inbox = new EngineInbox[1];
        AtomicBoolean waitingAfterSubmits = new AtomicBoolean();
        CountDownLatch submitted = new CountDownLatch(1);
        loop.execute(() -> {
            inbox[0] = new EngineInbox(engine, loop, caughtUp::countDown);
            inbox[0].submit(ACCOUNT, () -> {
                busy.countDown();
                await(release); // the engine is stuck on this task; its queue (1 place) fills
            }, () -> { });
            for (int i = 0; i < 5; i++) {
                int n = i;
                inbox[0].submit(ACCOUNT, () -> ran.add(n), () -> ran.add(-n));
            }
            waitingAfterSubmits.set(inbox[0].waiting()); // and the selector thread went on: nothing blocked
            submitted.countDown();
        });
        assertThat(submitted.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the selector thread never waits").isTrue();
        assertThat(busy.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(waitingAfterSubmits).as("tasks wait for room").isTrue();
        assertThat(caughtUp.getCount()).as("told to read on while the engine is full").isEqualTo(1);

        release.countDown();

        assertThat(caughtUp.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("told to read on").isTrue();
        assertThat(engine.stopAfter(() -> { }, Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        assertThat(ran).as("every task, in order, none refused").containsExactly(0, 1, 2, 3, 4);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
