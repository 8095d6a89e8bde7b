package dev.mucengine.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.BareJid;

/**
 * How many rooms each user created in the last minute, so that {@link Limits#roomCreationsPerMinute()}
 * can refuse one more. Only users who created a room in the last minute are remembered: the map
 * is swept of the others whenever it has grown past what it held at the last sweep.
 *
 * <p>Shared by the partitions a host may run rooms on ({@link MucService}): a user's check and
 * count are one atomic step on the user's entry, so two partitions cannot both let the user past
 * the limit. Not the hot path: it is consulted only when a room is created.
 */
final class RoomCreationRate {

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Map<BareJid, Times> recent = new ConcurrentHashMap<>();
    private volatile int sizeAfterSweep;

    /**
     * Counts a room created by {@code creator} at {@code now} if fewer than {@code perMinute} were
     * created in the minute before; returns whether it did.
     */
    boolean tryCreate(BareJid creator, Instant now, int perMinute) {
        long nowMillis = now.toEpochMilli();
        boolean[] allowed = {false};
        recent.compute(creator, (k, times) -> {
            Times kept = times == null ? new Times() : times;
            kept.dropUntil(nowMillis - WINDOW_MILLIS);
            if (kept.size < perMinute) {
                kept.add(nowMillis);
                allowed[0] = true;
            }
            return kept.size == 0 ? null : kept;
        });
        if (recent.size() > 2 * Math.max(sizeAfterSweep, 64)) {
            sweep(nowMillis);
        }
        return allowed[0];
    }

    private void sweep(long nowMillis) {
        for (BareJid user : recent.keySet()) {
            recent.computeIfPresent(user, (k, times) -> {
                times.dropUntil(nowMillis - WINDOW_MILLIS);
                return times.size == 0 ? null : times;
            });
        }
        sizeAfterSweep = recent.size();
    }

    /**
     * One user's creation times in the window, oldest first, as epoch milliseconds in a ring: a
     * burst of rooms costs 8 bytes each for a minute, where an {@code Instant} in a deque took
     * about 30 (issue 12 measures live heap per room while rooms are made by the thousand).
     * Changed only inside the map's atomic steps for its user.
     */
    private static final class Times {

        private long[] millis = new long[4];
        /** Index of the oldest time. */
        private int head;
        private int size;

        void add(long time) {
            if (size == millis.length) {
                long[] bigger = new long[size * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = millis[(head + i) % millis.length];
                }
                millis = bigger;
                head = 0;
            }
            millis[(head + size) % millis.length] = time;
            size++;
        }

        /** Drops the times at or before {@code cutoff}. */
        void dropUntil(long cutoff) {
            while (size > 0 && millis[head] <= cutoff) {
                head = (head + 1) % millis.length;
                size--;
            }
        }
    }
}
