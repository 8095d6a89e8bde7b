package dev.mucengine.core.muc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code <history/>} in a join request (XEP-0045 §7.2.14): how much discussion history the
 * entering user wants. Absent limits mean "as much as the room keeps"; the limits combine.
 *
 * @param maxChars the most characters of complete stanzas, as sent
 * @param maxStanzas the most messages
 * @param seconds only messages sent within this many seconds before entering
 * @param since only messages sent after this instant
 */
public record HistoryRequest(OptionalInt maxChars, OptionalInt maxStanzas, OptionalInt seconds,
        Optional<Instant> since) {

    /** No limit: whatever the room keeps. */
    public static final HistoryRequest EVERYTHING = new HistoryRequest(OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), Optional.empty());

    /**
     * Checks the request.
     *
     * @param maxChars the most characters, if limited
     * @param maxStanzas the most messages, if limited
     * @param seconds the most seconds back, if limited
     * @param since the earliest instant, if limited
     * @throws NullPointerException if an argument is null
     */
    public HistoryRequest {
        Objects.requireNonNull(maxChars, "maxChars");
        Objects.requireNonNull(maxStanzas, "maxStanzas");
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(since, "since");
    }
}
