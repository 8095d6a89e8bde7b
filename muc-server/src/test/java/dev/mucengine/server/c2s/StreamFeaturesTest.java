package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamFeaturesTest {

    /** RFC 6120 §4.7.5: major and minor versions are compared as numbers; this server speaks 1.x. */
    @Test
    void streamVersionsOfMajorVersionOneAreSpoken() {
        assertThat(StreamFeatures.supportsVersion(Optional.of("1.0"))).isTrue();
        assertThat(StreamFeatures.supportsVersion(Optional.of("1.5"))).as("a higher minor version").isTrue();
        assertThat(StreamFeatures.supportsVersion(Optional.of("01.00"))).as("numbers, not strings").isTrue();
        assertThat(StreamFeatures.supportsVersion(Optional.empty())).as("no version, as before").isTrue();
        for (String other : new String[] {"2.0", "0.9", "11.0", "1", "1.0.1", "one", ""}) {
            assertThat(StreamFeatures.supportsVersion(Optional.of(other))).as(other).isFalse();
        }
    }
}
