package dev.mucengine.server;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.XmlSerializer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's output: a bounded queue drained by the connection's own writer thread, so no
 * other thread ever writes to the socket or blocks on it. Elements are serialized on the writer
 * thread, in the stream's content namespace; the output is flushed whenever the queue runs
 * empty, so a burst goes out in one write. When the queue is full, the {@link OverflowPolicy}
 * decides between disconnecting the peer and making the sender wait.
 *
 * <p>The writer ends, and never writes again, once the last bytes of {@link #finish} or
 * {@link #finishOutput} are written, or on a write failure, an overflow under
 * {@link OverflowPolicy#DISCONNECT}, or {@link #abort}. Ending closes the socket (which also ends
 * a reader blocked on it), except after {@link #finishOutput}.
 */
public final class OutboundWriter {

    /** Small stacks: a connection has a reader and a writer thread, and writers never recurse deeply. */
    private static final long STACK_BYTES = 256 * 1024;
    /** A waiting sender re-checks this often whether the writer has ended meanwhile. */
    private static final long WAIT_SLICE_MILLIS = 200;
    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    /** Queued output: an element to serialize, or markup written as is (stream header, close). */
    private sealed interface Item {
    }

    private record Xml(Element element) implements Item {
    }

    private record Markup(String text) implements Item {
    }

    private record Last(String text, boolean closeSocket) implements Item {
    }

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Item> queue;
    private final OverflowPolicy policy;
    private final String contentNamespace;
    private final Thread thread;
    private final AtomicBoolean finishing = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean over;

    /**
     * @param socket the connection; the writer owns its output, and closes it when it ends
     * @param capacity how many elements and markup pieces may wait for the socket
     * @param contentNamespace the stream's content namespace ({@code jabber:client},
     *     {@code jabber:component:accept}), which elements in it do not repeat
     * @param threadName the writer thread's name
     */
    public OutboundWriter(Socket socket, int capacity, OverflowPolicy policy, String contentNamespace,
            String threadName) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.policy = policy;
        this.contentNamespace = contentNamespace;
        this.thread = new Thread(null, this::drain, threadName, STACK_BYTES);
        thread.setDaemon(true);
    }

    /** Starts the writer thread. */
    public void start() {
        thread.start();
    }

    /** Queues an element (a stanza, a stream error, a SASL answer...). Dropped once finishing or ended. */
    public void send(Element element) {
        if (!finishing.get()) {
            enqueue(new Xml(element));
        }
    }

    /** Queues markup to write as is, such as a stream header. Dropped once finishing or ended. */
    public void sendMarkup(String markup) {
        if (!finishing.get()) {
            enqueue(new Markup(markup));
        }
    }

    /**
     * Queues the stream's last bytes (its closing tag): everything queued before is written, then
     * {@code lastMarkup}, then the socket is closed. Later sends are dropped. Once only.
     */
    public void finish(String lastMarkup) {
        if (finishing.compareAndSet(false, true)) {
            enqueue(new Last(lastMarkup, true));
        }
    }

    /**
     * As {@link #finish}, but the socket stays open so the peer can answer with its own closing
     * tag (RFC 6120 §4.4); whoever reads it closes the socket.
     */
    public void finishOutput(String lastMarkup) {
        if (finishing.compareAndSet(false, true)) {
            enqueue(new Last(lastMarkup, false));
        }
    }

    /** Ends now: what is still queued is dropped and the socket is closed. */
    public void abort() {
        over = true;
        queue.clear();
        closeSocket(); // unblocks a write stuck on a peer that does not read
        thread.interrupt(); // unblocks a writer waiting for the queue
    }

    /** Waits for the writer thread to end; true if it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void enqueue(Item item) {
        if (over) {
            return;
        }
        if (policy == OverflowPolicy.DISCONNECT) {
            if (!queue.offer(item)) {
                abort(); // the peer is not reading
            }
            return;
        }
        try {
            while (!over && !queue.offer(item, WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                continue; // back-pressure: wait for room, or for the writer to end
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        boolean closeSocket = true;
        try {
            while (!over) {
                Item item = queue.take();
                write(item);
                if (item instanceof Last last) {
                    out.flush();
                    closeSocket = last.closeSocket();
                    return;
                }
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The peer is gone, or abort() closed the socket: either way nothing more can be written.
        } catch (InterruptedException e) {
            // abort() while waiting for the queue.
        } finally {
            over = true;
            queue.clear();
            if (closeSocket) {
                closeSocket();
            }
            ended.countDown();
        }
    }

    private void write(Item item) throws IOException {
        if (item instanceof Xml xml) {
            out.write(SERIALIZER.toBytesInStream(xml.element(), contentNamespace));
        } else if (item instanceof Markup markup) {
            out.write(markup.text().getBytes(StandardCharsets.UTF_8));
        } else if (item instanceof Last last) {
            out.write(last.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a broken socket: nothing left to tell anyone.
        }
    }
}
