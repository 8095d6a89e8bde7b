package dev.mucengine.server.c2s;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server holds of all clients' input: bytes read and not yet handled, in an element
 * still arriving or in a stanza waiting for the engine. Each client is bounded by the stanza
 * size, but all of them together could hold far more than a heap, so the sum is bounded too
 * ({@link ServeLimits#maxHeldInputBytes()}): when it would pass the bound, the connection holding
 * the most is ended with {@code policy-violation}, usually one trickling a large stanza that never
 * ends. Thread-safe.
 */
final class HeldInput {

    private final long maxBytes;
    private final Iterable<ClientConnection> connections;
    private final AtomicLong held = new AtomicLong();

    /** @param connections the connections to choose from when the bound is passed */
    HeldInput(long maxBytes, Iterable<ClientConnection> connections) {
        this.maxBytes = maxBytes;
        this.connections = connections;
    }

    /** What is held now. */
    long held() {
        return held.get();
    }

    /** {@code bytes} more are held; if that passes the bound, the largest holder is ended. */
    void add(long bytes) {
        if (held.addAndGet(bytes) > maxBytes) {
            relieve();
        }
    }

    /** {@code bytes} are no longer held. */
    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    private synchronized void relieve() {
        if (held.get() <= maxBytes) {
            return;
        }
        ClientConnection largest = null;
        for (ClientConnection c : connections) {
            if (!c.evicted() && (largest == null || c.heldInput() > largest.heldInput())) {
                largest = c;
            }
        }
        if (largest != null && largest.heldInput() > 0) {
            largest.evict();
        }
    }
}
