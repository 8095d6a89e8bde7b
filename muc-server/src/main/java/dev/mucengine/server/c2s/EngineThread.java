package dev.mucengine.server.c2s;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The engine's confinement: one thread runs every task touching the {@code MucService} and the
 * routing tables, in submission order. A connection submits its stanzas from its one reader
 * thread, so one sender's stanzas are handled in the order they arrived. The queue is bounded:
 * when the engine falls behind, readers block and TCP pushes back on the senders.
 */
final class EngineThread {

    private final BlockingQueue<Runnable> tasks;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    EngineThread(int capacity) {
        this.tasks = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::loop, "muc-engine");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a task; blocks while the queue is full. Ignored once stopped. */
    void submit(Runnable task) {
        if (!running) {
            return;
        }
        try {
            tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code last} after everything queued so far, then stops the thread and waits for it. */
    void stopAfter(Runnable last) throws InterruptedException {
        submit(() -> {
            last.run();
            running = false;
        });
        stopped.await();
    }

    boolean onEngineThread() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        try {
            while (running) {
                Runnable task = tasks.take();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // One bad stanza must not take the whole server down with it.
                    System.err.println("serve: engine task failed: " + e);
                    e.printStackTrace();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }
}
