package dev.mucengine.server;

import dev.mucengine.core.xml.Element;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One non-blocking connection's output: a queue of {@link OutputItem}s bounded in bytes, filled
 * from any thread and written by the connection's selector thread, many items per system call
 * (through the thread's direct buffer, {@link #write}), as much as the socket takes.
 * No thread ever waits on a socket. When a peer stops reading, its queue fills, and the next item
 * that does not fit is the {@link OverflowPolicy}'s: under {@link OverflowPolicy#DISCONNECT} (a
 * c2s client) the peer is disconnected; under {@link OverflowPolicy#BACK_PRESSURE} (the server of
 * a component link) the sender waits until the selector thread has written enough for the item
 * to fit, so nothing is lost and the queue stays bounded. The selector thread itself never
 * waits (it is the one that makes room): what it queues (stream headers, the handshake, the
 * closing tag) goes in over the bound.
 *
 * <p><b>What is counted</b>: each item's {@link OutputItem#weight()}, from when it is queued
 * until its last byte is written. One item
 * is always accepted by an empty queue, however large, so that a stanza larger than the bound
 * still reaches a peer that reads. The outputs of a transport share an {@link OutputBudget}.
 *
 * <p><b>Waking the writer.</b> The first item queued while the output is idle calls the
 * {@code wake} hook (the connection schedules a write on its selector thread); items queued
 * meanwhile ride along, so a burst costs one wake-up, not one per item. While the socket is full
 * the selector's write readiness drives the rest.
 *
 * <p>Ends: after the last bytes of {@link #finish} are written ({@link Progress#ENDED}), or on
 * {@link #close()}; later items are dropped.
 */
public final class ChannelOutput implements HeldOutput {

    /** The most items gathered into one write. */
    private static final int WRITE_ITEMS = 256;
    /** The most buffers an idle output keeps for its next write. */
    private static final int IDLE_BUFFERS = 8;

    /** Where writing got to. */
    public enum Progress {
        /** Everything queued is written; nothing to wait for. */
        IDLE,
        /** The socket took less than was ready: write again when it is writable. */
        BLOCKED,
        /** The last bytes ({@link #finish}) are written; the output is over. */
        ENDED
    }

    private final long maxQueuedBytes;
    private final OverflowPolicy policy;
    private final BooleanSupplier mayWait;
    private final OutputBudget budget;
    private final String contentNamespace;
    private final Runnable wake;
    private final Runnable overflowed;
    /** Guards the fields up to {@link #queuedBytes}. */
    private final Object lock = new Object();
    private ArrayDeque<OutputItem> queue = new ArrayDeque<>(0);
    private boolean wakeScheduled;
    private boolean finishing;
    private boolean over;
    /** The weight of what is queued or being written; written under the lock. */
    private volatile long queuedBytes;

    // Selector thread only: what is being written.
    private ByteBuffer[] buffers = new ByteBuffer[0];
    private int first;
    private int count;
    /** For each item being written: the index of its last buffer, and its weight. */
    private int[] itemEnds = new int[0];
    private long[] itemWeights = new long[0];
    private int firstItem;
    private int items;
    private boolean lastTaken;

    /**
     * @param maxQueuedBytes how much output may wait for the socket before the peer is disconnected
     * @param budget what this output and the others sharing the budget may hold together
     * @param contentNamespace the stream's content namespace, which elements in it do not repeat
     * @param wake called (on any thread) when output arrives for an idle writer: schedule {@link #write}
     * @param overflowed called (on any thread) when the peer is to be disconnected for not reading
     */
    public ChannelOutput(long maxQueuedBytes, OutputBudget budget, String contentNamespace, Runnable wake,
            Runnable overflowed) {
        this(maxQueuedBytes, OverflowPolicy.DISCONNECT, () -> false, budget, contentNamespace, wake, overflowed);
    }

    private ChannelOutput(long maxQueuedBytes, OverflowPolicy policy, BooleanSupplier mayWait, OutputBudget budget,
            String contentNamespace, Runnable wake, Runnable overflowed) {
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be positive");
        }
        this.maxQueuedBytes = maxQueuedBytes;
        this.policy = policy;
        this.mayWait = mayWait;
        this.budget = budget;
        this.contentNamespace = contentNamespace;
        this.wake = wake;
        this.overflowed = overflowed;
        budget.register(this);
    }

    /**
     * An output under {@link OverflowPolicy#BACK_PRESSURE}: a sender for which {@code mayWait} is
     * true waits while the queue is full; one for which it is false (the selector thread) never
     * does. The wait ends when there is room, or when the output is finishing or over (the item
     * is then dropped, as any item sent then is), or when the sender is interrupted (dropped too).
     *
     * @param maxQueuedBytes how much output may wait for the socket before senders wait
     * @param contentNamespace the stream's content namespace, which elements in it do not repeat
     * @param wake called (on any thread) when output arrives for an idle writer: schedule {@link #write}
     * @param mayWait whether the calling thread may wait for room
     */
    public static ChannelOutput waitingForRoom(long maxQueuedBytes, String contentNamespace, Runnable wake,
            BooleanSupplier mayWait) {
        return new ChannelOutput(maxQueuedBytes, OverflowPolicy.BACK_PRESSURE, mayWait, OutputBudget.UNLIMITED,
                contentNamespace, wake, () -> { });
    }

    /** Queues an element (a stanza, a stream error, a SASL answer...). Dropped once finishing or over. */
    public void send(Element element) {
        send(OutputItem.element(element));
    }

    /** Queues markup to write as is, such as a stream header. Dropped once finishing or over. */
    public void sendMarkup(String markup) {
        send(OutputItem.markup(markup));
    }

    /** Queues an item. Dropped once finishing or over. */
    public void send(OutputItem item) {
        enqueue(item, false);
    }

    /**
     * Queues the stream's last bytes (its closing tag): after them, {@link #write} reports
     * {@link Progress#ENDED} and later items are dropped. Once only.
     */
    public void finish(String lastMarkup) {
        enqueue(OutputItem.markup(lastMarkup), true);
    }

    /** Whether the output is over: its last bytes written, its peer disconnected or closed. */
    public boolean over() {
        synchronized (lock) {
            return over;
        }
    }

    @Override
    public long heldBytes() {
        return queuedBytes;
    }

    @Override
    public void overflow() {
        boolean first;
        synchronized (lock) {
            first = !over;
            over = true;
        }
        if (first) {
            overflowed.run();
        }
    }

    /**
     * Selector thread: writes what is ready, as much as {@code channel} takes without blocking.
     * The bytes go through {@code scratch}, the selector thread's direct buffer: copied into it
     * in one pass and written with one system call. Handing the heap buffers themselves to a
     * gathering write makes the JDK copy each into a temporary direct buffer of its own, found
     * by a linear search of a per-thread cache, which cost more than the rest of the write
     * (docs/performance.md, "Writes through one direct buffer").
     *
     * @param scratch the thread's direct buffer; its contents are not kept between calls
     * @throws IOException if the write fails (the peer is gone); then {@link #close()} the output
     */
    public Progress write(WritableByteChannel channel, ByteBuffer scratch) throws IOException {
        while (true) {
            if (count == 0 && !take()) {
                if (buffers.length > IDLE_BUFFERS || itemEnds.length > IDLE_BUFFERS) { // not kept by a connection that may now be idle
                    buffers = new ByteBuffer[0];
                    itemEnds = new int[0];
                    itemWeights = new long[0];
                }
                return lastTaken ? Progress.ENDED : Progress.IDLE;
            }
            int copied = copyInto(scratch.clear());
            int written = channel.write(scratch.flip());
            consume(written);
            long done = 0;
            while (items > 0 && itemEnds[firstItem] < first) {
                done += itemWeights[firstItem++];
                items--;
            }
            if (done > 0) {
                synchronized (lock) {
                    held(-done);
                    lock.notifyAll(); // senders waiting for room
                }
            }
            if (written < copied) {
                return Progress.BLOCKED;
            }
            if (count == 0 && lastTaken) {
                synchronized (lock) {
                    over = true;
                }
                return Progress.ENDED;
            }
        }
    }

    /** Copies what is ready, from the first unwritten byte, into {@code scratch} while it has room; the sources stay unread. */
    private int copyInto(ByteBuffer scratch) {
        int copied = 0;
        for (int i = first; i < first + count && scratch.hasRemaining(); i++) {
            ByteBuffer b = buffers[i];
            int n = Math.min(b.remaining(), scratch.remaining());
            scratch.put(scratch.position(), b, b.position(), n);
            scratch.position(scratch.position() + n);
            copied += n;
        }
        return copied;
    }

    /** Marks {@code written} bytes written, from the first unwritten one, dropping the buffers done with. */
    private void consume(int written) {
        int left = written;
        while (count > 0) {
            ByteBuffer b = buffers[first];
            int n = Math.min(b.remaining(), left);
            b.position(b.position() + n);
            left -= n;
            if (b.hasRemaining()) {
                return;
            }
            buffers[first++] = null;
            count--;
        }
    }

    /** Selector thread: the connection is closed; what is held is dropped and the budget forgets it. */
    public void close() {
        synchronized (lock) {
            over = true;
            queue = new ArrayDeque<>(0);
            held(-queuedBytes);
            lock.notifyAll(); // senders waiting for room: their items are dropped
        }
        buffers = new ByteBuffer[0];
        count = 0;
        items = 0;
        budget.unregister(this);
    }

    private void enqueue(OutputItem item, boolean last) {
        long weight = item.weight();
        budget.makeRoomFor(weight);
        boolean wakeNow = false;
        boolean overflowedNow = false;
        synchronized (lock) {
            if (finishing || over) {
                return;
            }
            if (last) {
                finishing = true;
            } else if (full(weight)) {
                if (policy == OverflowPolicy.DISCONNECT) {
                    over = true; // the peer is not reading
                    overflowedNow = true;
                } else if (mayWait.getAsBoolean() && !awaitRoom(weight)) {
                    return;
                }
            }
            if (!overflowedNow) {
                queue.add(item);
                held(weight);
                if (!wakeScheduled) {
                    wakeScheduled = true;
                    wakeNow = true;
                }
            }
        }
        if (overflowedNow) {
            overflowed.run();
        } else if (wakeNow) {
            wake.run();
        }
    }

    /** Under the lock: whether {@code weight} more would pass the bound (an empty queue takes anything). */
    private boolean full(long weight) {
        return queuedBytes > 0 && queuedBytes + weight > maxQueuedBytes;
    }

    /** Under the lock: waits until {@code weight} more fits; false if the output ended meanwhile. */
    private boolean awaitRoom(long weight) {
        while (full(weight)) {
            try {
                lock.wait(); // the selector thread notifies as it writes, and on close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (finishing || over) {
                return false;
            }
        }
        return true;
    }

    /**
     * Selector thread: takes what is queued, up to a write's worth, into the buffers; false if
     * there is nothing (then the next item queued wakes the writer again).
     */
    private boolean take() {
        OutputItem[] taken;
        synchronized (lock) {
            if (queue.isEmpty() || over || lastTaken) {
                wakeScheduled = false;
                return false;
            }
            int n = Math.min(queue.size(), WRITE_ITEMS);
            taken = new OutputItem[n];
            for (int i = 0; i < n; i++) {
                taken[i] = queue.poll();
            }
            lastTaken = finishing && queue.isEmpty();
        }
        first = 0;
        count = 0;
        firstItem = 0;
        items = 0;
        if (itemEnds.length < taken.length) {
            itemEnds = new int[taken.length];
            itemWeights = new long[taken.length];
        }
        for (OutputItem item : taken) {
            for (ByteBuffer b : item.buffers(contentNamespace)) {
                if (count == buffers.length) {
                    buffers = Arrays.copyOf(buffers, Math.max(8, count * 2));
                }
                buffers[count++] = b;
            }
            itemEnds[items] = count - 1;
            itemWeights[items++] = item.weight();
        }
        return true;
    }

    /** Under the lock: counts {@code bytes} more (or fewer) held, here and in the budget. */
    private void held(long bytes) {
        queuedBytes += bytes;
        budget.add(bytes);
    }
}
