package dev.mucengine.server.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void theDefaultDoublesFromOneSecondUpToAMinute() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(ReconnectPolicy.DEFAULT::delayAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }

    @Test
    void manyFailuresStayAtTheCapInsteadOfOverflowing() {
        assertThat(ReconnectPolicy.DEFAULT.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aMultiplierOfOneIsAConstantDelay() {
        ReconnectPolicy constant = new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(1), 1.0);
        assertThat(constant.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(constant.delayAfter(50)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void rejectsPoliciesThatCannotBackOff() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectPolicy.DEFAULT.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
