package dev.mucengine.server;

import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.RoomStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real engine thread with a router, for tests: runs tasks on the engine thread and waits until
 * their batch has ended, so everything the batch released has been delivered.
 */
final class EngineHarness implements AutoCloseable {

    final ConfinedEngine engine;
    /** The engine's service, to ask what is live (between tasks only). */
    final MucService service;
    final StanzaRouter router;
    /** What reached the destination, in order; written on the engine thread only. */
    final List<Stanza> delivered = new ArrayList<>();
    /** What the engine thread logged. */
    final List<String> log = new CopyOnWriteArrayList<>();
    private CompletableFuture<Void> batchEnded = new CompletableFuture<>();

    EngineHarness(RoomStore store, StanzaRouter.Destination destination) {
        MonitoredStore monitored = new MonitoredStore(store, log::add);
        service = Stanzas.service(monitored);
        engine = new ConfinedEngine(service, monitored, Clock.systemUTC(), 16, log::add);
        router = new StanzaRouter(engine, stanza -> {
            delivered.add(stanza);
            return destination.deliver(stanza);
        });
        engine.onBatchEnd(() -> batchEnded.complete(null)); // after the router's commit and release
        engine.start();
    }

    /** Runs {@code task} on the engine thread and waits until its batch has been released. */
    void onEngine(Runnable task) throws Exception {
        CompletableFuture<Void> ran = new CompletableFuture<>();
        CompletableFuture<Void> released = new CompletableFuture<>();
        engine.submit(() -> {
            batchEnded = released;
            task.run();
            ran.complete(null);
        });
        ran.get(20, TimeUnit.SECONDS);
        released.get(20, TimeUnit.SECONDS);
    }

    /** Routes each stanza (parsed) in one task. */
    void route(String... stanzas) throws Exception {
        onEngine(() -> {
            for (String s : stanzas) {
                router.route(Stanzas.parse(s));
            }
        });
    }

    /** Takes what was delivered so far (engine thread idle between tasks: safe to read). */
    List<Stanza> takeDelivered() throws Exception {
        List<Stanza> taken = new ArrayList<>();
        onEngine(() -> {
            taken.addAll(delivered);
            delivered.clear();
        });
        return taken;
    }

    @Override
    public void close() throws InterruptedException {
        engine.stopAfter(() -> { }, Duration.ofSeconds(20));
    }
}
