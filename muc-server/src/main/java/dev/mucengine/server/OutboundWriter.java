package dev.mucengine.server;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.SplicedBytes;
import dev.mucengine.xml.XmlSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One connection's output: a queue bounded in bytes, drained by the connection's own writer
 * thread, so no other thread ever writes to the socket or blocks on it. Elements are serialized
 * on the writer thread, in the stream's content namespace, unless queued serialized already (the
 * copies of a fan-out, serialized once by a {@link FanoutSerializer}); everything queued when the writer
 * wakes goes out in one write. When the queue is full, the {@link OverflowPolicy} decides between
 * disconnecting the peer and making the sender wait.
 *
 * <p><b>What is counted.</b> An element weighs its {@link OutputSize}; serialized bytes their
 * number; markup weighs its characters. What the writer has taken but not yet written still counts, so the bound holds for
 * everything the writer holds. One item is always accepted by an empty queue, however large, so
 * that a stanza larger than the bound still reaches a peer that reads. The writers of a transport
 * share an {@link OutputBudget}, which ends the writer that holds the most when the sum of what
 * they all hold would pass it.
 *
 * <p><b>Nothing before it is needed.</b> The queue and the writer thread come with the first
 * thing to write; a connection that is never answered costs neither.
 *
 * <p>The writer ends, and never writes again, once the last bytes of {@link #finish} or
 * {@link #finishOutput} are written, or on a write failure, an overflow under
 * {@link OverflowPolicy#DISCONNECT}, or {@link #abort}. After the last bytes the socket stays
 * open for the peer's answer, which whoever reads the socket takes before closing it; any other
 * end closes the socket (which also ends a reader blocked on it).
 */
public final class OutboundWriter implements HeldOutput {

    /** Small stacks: a connection has a reader and a writer thread, and writers never recurse deeply. */
    private static final long STACK_BYTES = 256 * 1024;
    /** A waiting sender re-checks this often whether the writer has ended meanwhile. */
    private static final long WAIT_SLICE_MILLIS = 200;
    /** Serialized output is handed to the socket in pieces of about this size. */
    private static final int WRITE_CHUNK = 64 * 1024;
    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    /**
     * Queued output: an element to serialize, a stanza serialized already (a fan-out's copy), or
     * markup written as is (stream header, close).
     */
    private sealed interface Item {
        long size();
    }

    private record Xml(Element element, long size) implements Item {
    }

    /** Weighs its exact size in bytes. */
    private record Serialized(SplicedBytes bytes) implements Item {
        @Override
        public long size() {
            return bytes.length();
        }
    }

    private record Markup(String text) implements Item {
        @Override
        public long size() {
            return text.length();
        }
    }

    /** What the last bytes leave of the socket. */
    private enum Ending { HALF_CLOSED, OPEN }

    private record Last(String text, Ending ending) implements Item {
        @Override
        public long size() {
            return text.length();
        }
    }

    private final Socket socket;
    private final long maxQueuedBytes;
    private final OutputBudget budget;
    private final OverflowPolicy policy;
    private final String contentNamespace;
    private final String threadName;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Guards everything below. */
    private final Object lock = new Object();
    private @Nullable ArrayDeque<Item> queue;
    private @Nullable Thread thread;
    /** The weight of what is queued or taken and not yet written; written under the lock. */
    private volatile long queuedBytes;
    private boolean finishing;
    private boolean over;

    /**
     * @param socket the connection; the writer owns its output, and closes it when it ends
     * @param maxQueuedBytes how much output (see the class comment) may wait for the socket
     * @param budget what this writer and the others sharing the budget may hold together
     * @param policy what a full queue means
     * @param contentNamespace the stream's content namespace ({@code jabber:client},
     *     {@code jabber:component:accept}), which elements in it do not repeat
     * @param threadName the writer thread's name
     */
    public OutboundWriter(Socket socket, long maxQueuedBytes, OutputBudget budget, OverflowPolicy policy,
            String contentNamespace, String threadName) {
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be positive");
        }
        this.socket = socket;
        this.maxQueuedBytes = maxQueuedBytes;
        this.budget = budget;
        this.policy = policy;
        this.contentNamespace = contentNamespace;
        this.threadName = threadName;
    }

    /** Queues an element (a stanza, a stream error, a SASL answer...). Dropped once finishing or ended. */
    public void send(Element element) {
        enqueue(new Xml(element, OutputSize.of(element, Stanza.CLIENT_NAMESPACE)), false);
    }

    /**
     * Queues a stanza serialized already, in this stream's content namespace (by a
     * {@link FanoutSerializer}); written as is. Dropped once finishing or ended.
     */
    public void send(SplicedBytes stanza) {
        enqueue(new Serialized(stanza), false);
    }

    /** Queues markup to write as is, such as a stream header. Dropped once finishing or ended. */
    public void sendMarkup(String markup) {
        enqueue(new Markup(markup), false);
    }

    /**
     * Queues the stream's last bytes (its closing tag): everything queued before is written, then
     * {@code lastMarkup}, then the output is shut down (the peer reads the end of the stream) while
     * the input stays open: whoever reads the socket reads on until the peer closes, then closes
     * the socket. Closing at once would throw away what the peer sent meanwhile, and make its
     * system answer with a reset that can discard our last bytes, the stream error with them.
     * Later sends are dropped. Once only.
     */
    public void finish(String lastMarkup) {
        enqueue(new Last(lastMarkup, Ending.HALF_CLOSED), true);
    }

    /**
     * As {@link #finish}, but the output stays open too, so the peer can answer with its own
     * closing tag (RFC 6120 §4.4) before either side closes; whoever reads it closes the socket.
     */
    public void finishOutput(String lastMarkup) {
        enqueue(new Last(lastMarkup, Ending.OPEN), true);
    }

    /** Ends now: what is still queued is dropped and the socket is closed. */
    public void abort() {
        Thread writer;
        synchronized (lock) {
            over = true;
            dropQueued();
            lock.notifyAll();
            writer = thread;
        }
        closeSocket(); // unblocks a write stuck on a peer that does not read
        if (writer == null) {
            ended.countDown(); // no writer thread will ever count it down
        }
    }

    /** Waits for the writer to end; true if it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** What this writer holds, for its {@link OutputBudget}. */
    @Override
    public long heldBytes() {
        return queuedBytes;
    }

    /** Ends this writer as if its queue had overflowed: under DISCONNECT, its peer is disconnected. */
    @Override
    public void overflow() {
        if (policy == OverflowPolicy.DISCONNECT) {
            abort();
        }
    }

    private void enqueue(Item item, boolean last) {
        budget.makeRoomFor(item.size());
        boolean overflowed;
        synchronized (lock) {
            overflowed = enqueueLocked(item, last);
        }
        if (overflowed) {
            closeSocket(); // outside the lock: also unblocks the writer thread's write
        }
    }

    /** Under the lock: queues the item; returns true if it overflowed the queue of a peer to disconnect. */
    private boolean enqueueLocked(Item item, boolean last) {
        if (finishing || over) {
            return false;
        }
        if (last) {
            finishing = true;
        } else if (!waitForRoom(item)) {
            return over && policy == OverflowPolicy.DISCONNECT;
        }
        if (queue == null) {
            queue = new ArrayDeque<>();
            Thread t = new Thread(null, this::drain, threadName, STACK_BYTES);
            t.setDaemon(true);
            budget.register(this);
            try {
                t.start();
            } catch (OutOfMemoryError e) {
                over = true; // no thread to write with (the process is out of threads or memory): disconnect
                budget.unregister(this);
                ended.countDown();
                return true;
            }
            thread = t;
        }
        queue.add(item);
        held(item.size());
        lock.notifyAll();
        return false;
    }

    /**
     * Under the lock: whether the item may be queued now, after waiting for room under
     * back-pressure. False once the writer is over, which a full queue under
     * {@link OverflowPolicy#DISCONNECT} makes it.
     */
    private boolean waitForRoom(Item item) {
        while (queuedBytes > 0 && queuedBytes + item.size() > maxQueuedBytes) {
            if (policy == OverflowPolicy.DISCONNECT) {
                over = true; // the peer is not reading
                dropQueued();
                lock.notifyAll();
                return false;
            }
            try {
                lock.wait(WAIT_SLICE_MILLIS); // back-pressure: wait for room, or for the writer to end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (over) {
                return false;
            }
        }
        return true;
    }

    private void drain() {
        @Nullable Ending ending = null;
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                List<Item> batch = take();
                if (batch.isEmpty()) {
                    return; // aborted or disconnected
                }
                Last last = write(batch, out);
                synchronized (lock) {
                    batch.forEach(i -> held(-i.size()));
                    lock.notifyAll();
                }
                if (last != null) {
                    ending = last.ending();
                    return;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            // The peer is gone, abort() closed the socket, or the process is out of memory: either
            // way this connection's output is over, and only this connection's.
            ending = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                over = true;
                dropQueued();
                held(-queuedBytes); // what was taken and never written
                lock.notifyAll();
            }
            budget.unregister(this);
            if (ending == null) {
                closeSocket();
            } else if (ending == Ending.HALF_CLOSED) {
                shutdownOutput();
            }
            ended.countDown();
        }
    }

    /** Under the lock: counts {@code bytes} more (or fewer) held, here and in the budget. */
    private void held(long bytes) {
        queuedBytes += bytes;
        budget.add(bytes);
    }

    /** Under the lock: drops what is queued and not yet taken. */
    private void dropQueued() {
        if (queue != null) {
            queue.forEach(i -> held(-i.size()));
            queue.clear();
        }
    }

    /** Waits for output and takes all of it; empty once the writer is over. */
    private List<Item> take() throws InterruptedException {
        synchronized (lock) {
            while (!over && (queue == null || queue.isEmpty())) {
                lock.wait();
            }
            if (over || queue == null) {
                return List.of();
            }
            List<Item> batch = new ArrayList<>(queue);
            queue.clear();
            return batch;
        }
    }

    /** Writes a batch in as few socket writes as its size allows; returns its last item if it ends the stream. */
    private @Nullable Last write(List<Item> batch, OutputStream out) throws IOException {
        ByteArrayOutputStream pending = new ByteArrayOutputStream(512);
        for (Item item : batch) {
            if (item instanceof Serialized s) {
                s.bytes().writeTo(pending);
            } else {
                pending.writeBytes(item instanceof Xml xml
                        ? SERIALIZER.toBytesInStream(xml.element(), contentNamespace)
                        : (item instanceof Markup m ? m.text() : ((Last) item).text()).getBytes(StandardCharsets.UTF_8));
            }
            if (pending.size() >= WRITE_CHUNK) {
                pending.writeTo(out);
                pending.reset();
            }
            if (item instanceof Last last) {
                pending.writeTo(out);
                out.flush();
                return last;
            }
        }
        pending.writeTo(out);
        out.flush();
        return null;
    }

    private void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            closeSocket(); // it cannot be half closed: close it
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
