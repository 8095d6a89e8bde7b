package dev.mucengine.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What all of a transport's connection outputs ({@link ChannelOutput}) together may hold, in bytes as they count
 * them: the per-connection bound times the number of connections is far more than a heap holds,
 * so the sum is bounded too. When a send would take the sum past the bound, the writer holding
 * the most is ended as if it had overflowed its own bound, provided it holds at least
 * {@code behindBytes}: its peer is then far behind, usually not reading at all. A burst that
 * fills many queues at once (one message fanned out to a large room) ends nobody; it drains.
 * Thread-safe.
 */
public final class OutputBudget {

    /** No bound on the sum: for a transport with one connection. */
    public static final OutputBudget UNLIMITED = new OutputBudget(Long.MAX_VALUE, Long.MAX_VALUE);

    private final long maxBytes;
    private final long behindBytes;
    private final AtomicLong held = new AtomicLong();
    private final Set<HeldOutput> writers = ConcurrentHashMap.newKeySet();

    /**
     * @param maxBytes what all writers sharing this budget may hold together
     * @param behindBytes what a writer must hold for the budget to end it
     */
    public OutputBudget(long maxBytes, long behindBytes) {
        if (maxBytes < 1 || behindBytes < 1) {
            throw new IllegalArgumentException("maxBytes and behindBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.behindBytes = behindBytes;
    }

    /** What the writers hold now. */
    public long held() {
        return held.get();
    }

    /**
     * Makes room for {@code bytes} more if they would not fit: ends the writer that holds the
     * most. Called by a sender that holds no writer's lock.
     */
    void makeRoomFor(long bytes) {
        if (held.get() + bytes <= maxBytes) {
            return;
        }
        synchronized (this) { // one relief at a time, so that one overflow ends one writer
            if (held.get() + bytes <= maxBytes) {
                return;
            }
            HeldOutput largest = null;
            for (HeldOutput w : writers) {
                if (largest == null || w.heldBytes() > largest.heldBytes()) {
                    largest = w;
                }
            }
            if (largest != null && largest.heldBytes() >= behindBytes) {
                largest.overflow();
            }
        }
    }

    void add(long bytes) {
        held.addAndGet(bytes);
    }

    void register(HeldOutput writer) {
        if (this != UNLIMITED) {
            writers.add(writer);
        }
    }

    void unregister(HeldOutput writer) {
        writers.remove(writer);
    }
}
