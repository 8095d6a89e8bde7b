package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.XmlSerializer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's output: a bounded queue drained by its own thread, so that the engine thread
 * never blocks on a slow peer. When the queue is full the peer is not reading: {@code onOverflow}
 * runs (it disconnects the client) instead of buffering without limit.
 */
final class ConnectionWriter {

    /** Queued items: raw markup (stream header and close) or an element to serialize. */
    private sealed interface Item {
    }

    private record Markup(String text) implements Item {
    }

    private record Xml(Element element) implements Item {
    }

    private record End() implements Item {
    }

    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private final BlockingQueue<Item> queue;
    private final OutputStream out;
    private final Runnable onOverflow;
    private final Runnable onFinished;
    private final AtomicBoolean closing = new AtomicBoolean();

    /**
     * @param onOverflow runs once when the queue overflows (from the sending thread)
     * @param onFinished runs on the writer thread after the last byte, or a write failure
     */
    ConnectionWriter(OutputStream out, int capacity, Runnable onOverflow, Runnable onFinished) {
        this.out = new BufferedOutputStream(out, 8192);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onOverflow = onOverflow;
        this.onFinished = onFinished;
    }

    /** Starts the writer thread. */
    void start(String name) {
        Thread t = new Thread(null, this::drain, name, Server.THREAD_STACK_BYTES);
        t.setDaemon(true);
        t.start();
    }

    void markup(String text) {
        enqueue(new Markup(text));
    }

    void send(Element element) {
        enqueue(new Xml(element));
    }

    /** Writes what is queued, then closes the output. Later sends are dropped. */
    void close() {
        if (closing.compareAndSet(false, true)) {
            // The end marker must get in even when the queue is full, or the thread never stops.
            while (!queue.offer(new End())) {
                queue.poll();
            }
        }
    }

    boolean isClosing() {
        return closing.get();
    }

    private void enqueue(Item item) {
        if (closing.get()) {
            return;
        }
        if (!queue.offer(item)) {
            onOverflow.run();
        }
    }

    private void drain() {
        try {
            while (true) {
                Item item = queue.take();
                if (item instanceof End) {
                    break;
                }
                write(item);
                if (queue.isEmpty()) {
                    out.flush(); // batch whatever queued up meanwhile into one flush
                }
            }
            out.flush();
        } catch (IOException e) {
            closing.set(true); // the peer is gone; the reader side notices and cleans up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to tell anyone
            }
            onFinished.run();
        }
    }

    private void write(Item item) throws IOException {
        if (item instanceof Markup m) {
            out.write(m.text().getBytes(StandardCharsets.UTF_8));
        } else if (item instanceof Xml x) {
            out.write(SERIALIZER.toBytesInStream(x.element(), Stanza.CLIENT_NAMESPACE));
        }
    }
}
