package dev.mucengine.server;

import dev.mucengine.core.api.IdSource;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One of the {@link ConfinedEngine}'s threads: the rooms it owns, its bounded task queue and its
 * id source. It runs tasks one at a time in queue order, in batches of up to
 * {@link ConfinedEngine#MAX_BATCH}, and runs the engine's batch-end listeners (the router's group
 * commit) after each batch.
 *
 * <p>Two kinds of task are not counted against the bound: what another partition forwards (an
 * engine thread must never wait for another, or two could wait for each other) and
 * {@link Exclusive} tasks, the steps of a service-wide operation (an administrator's command
 * that touches rooms anywhere, shutdown: {@link ServiceWidePause}), which run in a batch of their
 * own.
 */
final class EnginePartition {

    /** A task that runs in a batch of its own: the batch before it is committed first, then {@code after} runs after its own. */
    record Exclusive(Runnable body, Runnable after, boolean last) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    /** A forwarded task: it took no place in the queue, so it gives none back. */
    private record Unbounded(Runnable task) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    private final int index;
    private final IdSource ids;
    private final int capacity;
    private final Semaphore places;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Queue<Runnable> roomWaiters = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    EnginePartition(int index, IdSource ids, int capacity, Runnable loop) {
        this.index = index;
        this.ids = ids;
        this.capacity = capacity;
        this.places = new Semaphore(capacity);
        this.thread = new Thread(loop, "muc-engine-" + index);
        thread.setDaemon(true);
        CriticalThreads.guard(thread);
    }

    int index() {
        return index;
    }

    IdSource ids() {
        return ids;
    }

    Thread thread() {
        return thread;
    }

    /** Takes a place in the queue, waiting up to {@code millis}; false if none came free. */
    boolean tryReserve(long millis) throws InterruptedException {
        return millis <= 0 ? places.tryAcquire() : places.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    void unreserve() {
        places.release();
    }

    /** Queues a task whose place {@link #tryReserve} took. */
    void add(Runnable task) {
        tasks.add(task);
    }

    /** Queues a task without a place: forwarded by another partition, or a step of a service-wide operation. */
    void addUnbounded(Runnable task) {
        tasks.add(task instanceof Exclusive ? task : new Unbounded(task));
    }

    /** Runs {@code callback} once this partition's queue is at most half full (on the engine thread, or now). */
    void whenRoom(Runnable callback) {
        roomWaiters.add(callback);
        if (places.availablePermits() >= capacity / 2) {
            callRoomWaiters();
        }
    }

    void awaitStopped(long millis) throws InterruptedException {
        stopped.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean hasStopped() {
        return stopped.getCount() == 0;
    }

    /**
     * The thread's loop: batches of tasks, each batch followed by {@code batchEnd}; an
     * {@link Exclusive} task alone in its batch. Ends after an exclusive task marked last.
     */
    void run(List<Runnable> batchEnd, Consumer<Runnable> runReportingFailure) {
        try {
            boolean stopping = false;
            while (!stopping) {
                Runnable task = tasks.take();
                int ran = 0;
                while (task != null) {
                    if (task instanceof Exclusive exclusive) {
                        if (ran > 0) {
                            batchEnd.forEach(runReportingFailure); // what came before is committed first
                        }
                        runReportingFailure.accept(exclusive);
                        batchEnd.forEach(runReportingFailure);
                        runReportingFailure.accept(exclusive.after());
                        stopping = exclusive.last();
                        ran = 0;
                        task = stopping ? null : tasks.poll();
                        continue;
                    }
                    if (!(task instanceof Unbounded)) {
                        places.release();
                    }
                    runReportingFailure.accept(task);
                    task = ++ran == ConfinedEngine.MAX_BATCH ? null : tasks.poll();
                }
                if (ran > 0) {
                    batchEnd.forEach(runReportingFailure);
                }
                if (!roomWaiters.isEmpty() && places.availablePermits() >= capacity / 2) {
                    callRoomWaiters();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            callRoomWaiters(); // they hear that their tasks are refused now
            stopped.countDown();
        }
    }

    private void callRoomWaiters() {
        for (Runnable waiter = roomWaiters.poll(); waiter != null; waiter = roomWaiters.poll()) {
            waiter.run();
        }
    }
}
