package dev.mucengine.core.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the service keeps room archives (XEP-0313): how long and how much, and how many messages
 * one query may return. Whether a room archives at all is the room's setting
 * ({@code muc#roomconfig_enablearchiving}), on unless the service's room defaults say otherwise.
 *
 * @param maxAge archived messages older than this are deleted; empty keeps them
 * @param maxMessagesPerRoom a room's archive keeps at most this many messages, the newest; at least 1
 * @param maxPageSize the most messages one query returns, whatever it asks for; at least 1
 */
public record ArchivePolicy(Optional<Duration> maxAge, int maxMessagesPerRoom, int maxPageSize) {

    /** The defaults: no age limit, 100,000 messages per room, pages of at most 100 messages. */
    public static final ArchivePolicy DEFAULTS = new ArchivePolicy(Optional.empty(), 100_000, 100);

    /**
     * Checks the policy.
     *
     * @param maxAge the age after which messages are deleted, if any
     * @param maxMessagesPerRoom the most messages a room's archive keeps
     * @param maxPageSize the most messages one query returns
     * @throws IllegalArgumentException if a bound is less than 1 or the age not positive
     */
    public ArchivePolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (maxMessagesPerRoom < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException("maxMessagesPerRoom and maxPageSize must be at least 1");
        }
    }
}
