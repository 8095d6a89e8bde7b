package dev.mucengine.server.c2s;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Slows down password guessing: an authentication attempt from an address with recent failures
 * waits first, {@link ServeLimits#authFailureDelay()} after one failure, doubling with each
 * further one, up to 32 times that. The wait comes before the attempt is evaluated, so a client
 * that gives up waiting learns nothing. Failures count for {@value #MEMORY_MINUTES} minutes.
 * Thread-safe.
 */
final class AuthThrottle {

    static final int MEMORY_MINUTES = 15;
    /** Doublings: the wait stops growing at 2^5 = 32 times the first one. */
    private static final int MAX_DOUBLINGS = 5;
    private static final int MAX_ADDRESSES = 10_000;

    private final Duration firstDelay;
    private final RecentEvents<InetAddress> failures =
            new RecentEvents<>(Duration.ofMinutes(MEMORY_MINUTES), MAX_DOUBLINGS + 1, MAX_ADDRESSES);

    AuthThrottle(Duration firstDelay) {
        this.firstDelay = firstDelay;
    }

    /** How long an attempt from {@code address} waits before it is evaluated. */
    Duration delay(InetAddress address, long now) {
        int n = failures.count(address, now);
        return n == 0 ? Duration.ZERO : firstDelay.multipliedBy(1L << Math.min(n - 1, MAX_DOUBLINGS));
    }

    /** An attempt from {@code address} failed. */
    void failed(InetAddress address, long now) {
        failures.record(address, now);
    }
}
