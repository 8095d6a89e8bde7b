package dev.mucengine.bench.load;

import java.util.HashSet;
import java.util.Set;

/**
 * One receiver's account of every sender's numbered messages: each must arrive once and in the
 * order sent. In the normal case a message is one comparison; a gap remembers the numbers it
 * skipped, so that a late one counts as reordered, not as a duplicate.
 */
final class SequenceCheck {

    /** What one receiver saw; a run with any non-zero count failed. */
    record Outcome(long lost, long duplicated, long reordered) {

        Outcome plus(Outcome o) {
            return new Outcome(lost + o.lost, duplicated + o.duplicated, reordered + o.reordered);
        }

        boolean clean() {
            return lost == 0 && duplicated == 0 && reordered == 0;
        }
    }

    private final long[] next;
    private final Set<Long>[] missing;
    private long duplicated;
    private long reordered;

    @SuppressWarnings("unchecked")
    SequenceCheck(int senders) {
        next = new long[senders];
        missing = new Set[senders];
    }

    /** Message {@code sequence} from {@code sender} arrived. */
    void received(int sender, long sequence) {
        long expected = next[sender];
        if (sequence == expected) {
            next[sender] = expected + 1;
        } else if (sequence > expected) {
            if (missing[sender] == null) {
                missing[sender] = new HashSet<>();
            }
            for (long s = expected; s < sequence; s++) {
                missing[sender].add(s);
            }
            next[sender] = sequence + 1;
        } else if (missing[sender] != null && missing[sender].remove(sequence)) {
            reordered++;
        } else {
            duplicated++;
        }
    }

    /** The account once senders stopped, {@code sent[s]} being how many sender {@code s} sent. */
    Outcome outcome(long[] sent) {
        long lost = 0;
        for (int s = 0; s < next.length; s++) {
            lost += Math.max(0, sent[s] - next[s]) + (missing[s] == null ? 0 : missing[s].size());
        }
        return new Outcome(lost, duplicated, reordered);
    }
}
