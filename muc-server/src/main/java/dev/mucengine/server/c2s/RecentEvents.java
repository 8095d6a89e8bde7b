package dev.mucengine.server.c2s;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often something happened lately, per key (an IP address, or one key for everyone): the
 * memory behind throttles. Bounded: at most {@code countCap} events are remembered per key, and
 * at most {@code maxKeys} keys, the least recently used forgotten first. Times are
 * {@link System#nanoTime()} values passed in, so the rules are tested without waiting.
 * Thread-safe.
 *
 * @param <K> the key
 */
final class RecentEvents<K> {

    private final long windowNanos;
    private final int countCap;
    private final Map<K, ArrayDeque<Long>> byKey;

    /**
     * @param window how long an event counts
     * @param countCap the most events counted per key; counting stops there
     * @param maxKeys the most keys remembered
     */
    RecentEvents(Duration window, int countCap, int maxKeys) {
        this.windowNanos = window.toNanos();
        this.countCap = countCap;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, ArrayDeque<Long>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Events of {@code key} within the window before {@code now}, at most the cap. */
    synchronized int count(K key, long now) {
        ArrayDeque<Long> events = byKey.get(key);
        if (events == null) {
            return 0;
        }
        forgetOld(events, now);
        if (events.isEmpty()) {
            byKey.remove(key);
            return 0;
        }
        return events.size();
    }

    /** Remembers an event of {@code key} at {@code now}. */
    synchronized void record(K key, long now) {
        ArrayDeque<Long> events = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        forgetOld(events, now);
        if (events.size() == countCap) {
            events.removeFirst();
        }
        events.addLast(now);
    }

    private void forgetOld(ArrayDeque<Long> events, long now) {
        while (!events.isEmpty() && now - events.peekFirst() >= windowNanos) {
            events.removeFirst();
        }
    }
}
