package dev.mucengine.server.component;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next connection attempt: exponential backoff with a cap. Pure, so
 * the schedule is tested without sleeping.
 *
 * @param initialDelay the delay after the first failure
 * @param maxDelay     no delay exceeds this
 * @param multiplier   each further failure multiplies the delay by this (at least 1)
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier) {

    /** 1 s, doubling, at most 60 s: quick after a server restart, quiet during a long outage. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofSeconds(1),
            Duration.ofSeconds(60), 2.0);

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1");
        }
    }

    /**
     * The delay before the next attempt after {@code consecutiveFailures} failed attempts (or
     * dropped connections) in a row; a successful handshake resets the count.
     */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures must be >= 1");
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, consecutiveFailures - 1.0);
        // Compared as doubles first: the power overflows long long before the loop gives up.
        if (millis >= maxDelay.toMillis()) {
            return maxDelay;
        }
        return Duration.ofMillis((long) millis);
    }
}
