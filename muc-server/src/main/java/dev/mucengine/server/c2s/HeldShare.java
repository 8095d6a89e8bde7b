package dev.mucengine.server.c2s;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection's share of the server's {@link HeldInput}: the bytes it sent that the server
 * has read and not yet handled. Bytes are read by the connection's selector thread, attributed
 * to the event the stream reader made of them (exactly: an element still arriving stays held), and released once that event is handled, on the selector thread or the engine's.
 */
final class HeldShare {

    private final HeldInput total;
    private final AtomicLong held = new AtomicLong();
    /** Read since the last event; selector thread only. */
    private long sinceEvent;

    HeldShare(HeldInput total) {
        this.total = total;
    }

    /** Selector thread: {@code n} more bytes were read. */
    void read(long n) {
        sinceEvent += n;
        held.addAndGet(n);
        total.add(n);
    }

    /**
     * Selector thread: an event was read from {@code consumed} bytes (those the stream reader took
     * for it): they are the event's until it is handled; what was read after them is not.
     */
    long takeEventBytes(long consumed) {
        long bytes = Math.min(consumed, sinceEvent);
        sinceEvent -= bytes;
        return bytes;
    }

    /** Selector thread: every byte read and not yet attributed to an event (the stream is over). */
    long takeUnattributed() {
        long bytes = sinceEvent;
        sinceEvent = 0;
        return bytes;
    }

    /** {@code bytes} (from {@link #takeEventBytes}) are handled and no longer held. Any thread. */
    void handled(long bytes) {
        if (bytes > 0) {
            held.addAndGet(-bytes);
            total.release(bytes);
        }
    }

    /** What this connection holds now. */
    long held() {
        return held.get();
    }
}
