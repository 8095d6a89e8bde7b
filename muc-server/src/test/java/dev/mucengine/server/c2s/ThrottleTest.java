package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The memory behind the throttles, with made-up times. */
class ThrottleTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final InetAddress GUESSER = InetAddress.getLoopbackAddress();

    @Test
    void eachFailureDoublesTheNextWaitUpTo32TimesTheFirst() throws Exception {
        AuthThrottle throttle = new AuthThrottle(Duration.ofSeconds(1));
        InetAddress other = InetAddress.getByName("192.0.2.7");

        assertThat(throttle.delay(GUESSER, 0)).isZero();
        long[] expected = {1, 2, 4, 8, 16, 32, 32, 32};
        for (long seconds : expected) {
            throttle.failed(GUESSER, 0);
            assertThat(throttle.delay(GUESSER, 0)).isEqualTo(Duration.ofSeconds(seconds));
        }
        assertThat(throttle.delay(other, 0)).as("another address").isZero();
    }

    @Test
    void failuresAreForgottenAfterFifteenMinutes() {
        AuthThrottle throttle = new AuthThrottle(Duration.ofSeconds(1));
        throttle.failed(GUESSER, 0);
        throttle.failed(GUESSER, 10 * MINUTE);

        assertThat(throttle.delay(GUESSER, 14 * MINUTE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(GUESSER, 15 * MINUTE)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(GUESSER, 25 * MINUTE)).isZero();
    }

    @Test
    void recentEventsAreCountedPerKeyWithinTheWindowAndBounded() {
        RecentEvents<String> events = new RecentEvents<>(Duration.ofMinutes(60), 5, 2);
        for (int i = 0; i < 8; i++) {
            events.record("a", i * MINUTE);
        }

        assertThat(events.count("a", 8 * MINUTE)).as("at most the cap").isEqualTo(5);
        assertThat(events.count("a", 64 * MINUTE)).as("older than an hour forgotten").isEqualTo(3);
        events.record("b", 64 * MINUTE);
        events.record("c", 64 * MINUTE);
        assertThat(events.count("a", 64 * MINUTE)).as("the least recently used key forgotten").isZero();
        assertThat(events.count("c", 64 * MINUTE)).isEqualTo(1);
    }
}
