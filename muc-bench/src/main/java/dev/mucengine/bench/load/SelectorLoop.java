package dev.mucengine.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * One thread with one selector serving many connections, so that 10,000 clients need a few
 * threads, not 10,000. Everything a connection does runs on its loop's thread; other threads hand
 * it work with {@link #execute} or {@link #call}.
 */
final class SelectorLoop implements AutoCloseable {

    /** Shared by this loop's connections: each read is framed (and copied) before the next. */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Selector selector;
    private final Thread thread;
    /** Latencies seen by this loop's connections; touched only on its thread. */
    private Samples latencies = new Samples();
    private volatile boolean running = true;

    SelectorLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on this loop's thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on this loop's thread and returns its result. */
    <T> CompletableFuture<T> call(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    Selector selector() {
        return selector;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Only on this loop's thread. */
    Samples latencies() {
        return latencies;
    }

    /** The latencies recorded so far, handed over; the loop starts a new set. */
    CompletableFuture<Samples> takeLatencies() {
        return call(() -> {
            Samples taken = latencies;
            latencies = new Samples();
            return taken;
        });
    }

    private void run() {
        try {
            while (running) {
                selector.select(100);
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    ((XmppConnection) key.attachment()).ready(key);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
