package dev.mucengine.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<BareJid, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private volatile int sizeAfterSweep;

    /**
     * Counts a room created by {@code creator} at {@code now} if fewer than {@code perMinute} were
     * created in the minute before; returns whether it did.
     */
    boolean tryCreate(BareJid creator, Instant now, int perMinute) {
        boolean[] allowed = {false};
        recent.compute(creator, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            dropOlder(kept, now);
            if (kept.size() < perMinute) {
                kept.addLast(now);
                allowed[0] = true;
            }
            return kept.isEmpty() ? null : kept;
        });
        if (recent.size() > 2 * Math.max(sizeAfterSweep, 64)) {
            sweep(now);
        }
        return allowed[0];
    }

    private void sweep(Instant now) {
        for (BareJid user : recent.keySet()) {
            recent.computeIfPresent(user, (k, times) -> {
                dropOlder(times, now);
                return times.isEmpty() ? null : times;
            });
        }
        sizeAfterSweep = recent.size();
    }

    private static void dropOlder(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
