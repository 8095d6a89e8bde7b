package dev.mucengine.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jxmpp.jid.BareJid;

/**
 * How many rooms each user created in the last minute, so that {@link Limits#roomCreationsPerMinute()}
 * can refuse one more. Only users who created a room in the last minute are remembered: the map
 * is swept of the others whenever it has grown past what it held at the last sweep.
 */
final class RoomCreationRate {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<BareJid, Deque<Instant>> recent = new HashMap<>();
    private int sizeAfterSweep;

    /** Whether {@code creator} may create one more room at {@code now}, with at most {@code perMinute} a minute. */
    boolean allows(BareJid creator, Instant now, int perMinute) {
        Deque<Instant> times = recent.get(creator);
        if (times == null) {
            return true;
        }
        dropOlder(times, now);
        return times.size() < perMinute;
    }

    /** Notes that {@code creator} created a room at {@code now}. */
    void created(BareJid creator, Instant now) {
        recent.computeIfAbsent(creator, k -> new ArrayDeque<>()).addLast(now);
        if (recent.size() > 2 * Math.max(sizeAfterSweep, 64)) {
            sweep(now);
        }
    }

    private void sweep(Instant now) {
        for (Iterator<Deque<Instant>> i = recent.values().iterator(); i.hasNext(); ) {
            Deque<Instant> times = i.next();
            dropOlder(times, now);
            if (times.isEmpty()) {
                i.remove();
            }
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
