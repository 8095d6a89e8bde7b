package dev.mucengine.testkit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of replaying one script.
 *
 * @param name the script's name (file name without {@code .scs})
 * @param failure why it failed; empty if it passed
 * @param transcript every stanza in and out, in order, one entry per event
 * @param discarded stanzas the default queue mode dropped unread (pretty-printed, with the client)
 */
public record ReplayResult(String name, Optional<Failure> failure, List<String> transcript, List<String> discarded) {

    /**
     * Checks the result and copies the lists.
     *
     * @param name the script's name
     * @param failure why it failed, or empty
     * @param transcript every stanza in and out
     * @param discarded stanzas dropped unread
     * @throws NullPointerException if an argument, or an element of a list, is null
     */
    public ReplayResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(failure, "failure");
        transcript = List.copyOf(transcript);
        discarded = List.copyOf(discarded);
    }

    /**
     * Whether the script passed.
     *
     * @return true if there is no {@link #failure()}
     */
    public boolean passed() {
        return failure.isEmpty();
    }

    /**
     * A failed step, or a script that could not be read.
     *
     * @param reason one line: {@code file:line: what went wrong}
     * @param report the full report: the reason, the expected stanza, the stanza at the head of
     *     the client's queue and what else was queued, pretty-printed
     */
    public record Failure(String reason, String report) {

        /**
         * Checks the failure.
         *
         * @param reason the one-line reason
         * @param report the full report
         * @throws NullPointerException if an argument is null
         */
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(report, "report");
        }
    }
}
