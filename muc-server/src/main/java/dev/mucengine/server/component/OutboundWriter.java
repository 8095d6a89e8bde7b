package dev.mucengine.server.component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes one connection's outbound bytes on its own thread, from a bounded queue.
 *
 * <p>The engine never touches the socket: a slow server makes {@link #send} wait for room in the
 * queue (back-pressure up to the reader, so the server sees us slow down) instead of letting
 * memory grow. Bytes are flushed whenever the queue runs empty, so a burst is one write.
 */
final class OutboundWriter {

    /** One queued write; {@code last} ends the writer after it (the closing stream tag). */
    private record Frame(byte[] bytes, boolean last) {
    }

    private final BlockingQueue<Frame> queue;
    private final OutputStream out;
    private final Consumer<IOException> onFailure;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param onFailure called once, on the writer thread, when writing fails (the connection is
     *                  then unusable; the caller closes the socket so the reader ends too)
     */
    OutboundWriter(OutputStream out, int capacity, String name, Consumer<IOException> onFailure) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.out = out;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues bytes; waits while the queue is full. Ignored once the writer is closed or failed. */
    void send(byte[] bytes) {
        enqueue(new Frame(bytes, false));
    }

    /** Queues the final bytes: the writer flushes them and stops taking more. */
    void sendLast(byte[] bytes) {
        enqueue(new Frame(bytes, true));
    }

    /** Stops the writer without writing what is still queued (the socket is going away). */
    void close() {
        closed = true;
        thread.interrupt();
    }

    /** Waits for the writer thread to end; it ends after {@link #sendLast}, a failure or {@link #close}. */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
        return !thread.isAlive();
    }

    private void enqueue(Frame frame) {
        try {
            // Re-checks `closed` while waiting, so a producer never blocks on a dead writer.
            while (!closed && !queue.offer(frame, 200, TimeUnit.MILLISECONDS)) {
                continue;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!closed) {
                Frame frame = queue.take();
                out.write(frame.bytes());
                if (frame.last()) {
                    out.flush();
                    return;
                }
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            // close(): the connection is being torn down.
        } catch (IOException e) {
            if (!closed) {
                onFailure.accept(e);
            }
        } finally {
            closed = true;
            queue.clear();
        }
    }
}
