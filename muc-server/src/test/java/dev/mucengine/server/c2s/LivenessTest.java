package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.server.c2s.Liveness.Action;
import dev.mucengine.server.c2s.Liveness.Times;
import org.junit.jupiter.api.Test;

/** The timeout rule with made-up times: ServeLimits.DEFAULTS (60 s to authenticate, 5 min idle, 60 s to answer). */
class LivenessTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_000 * S; // any nanoTime value

    private static Action at(Times t, long secondsAfterT0) {
        return Liveness.check(ServeLimits.DEFAULTS, t, T0 + secondsAfterT0 * S);
    }

    @Test
    void aConnectionHasSixtySecondsToAuthenticateAndBindWhateverItSends() {
        Times busy = new Times(T0, false, T0 + 59 * S, 0, 0);

        assertThat(at(busy, 59)).isEqualTo(Action.NONE);
        assertThat(at(busy, 60)).isEqualTo(Action.CLOSE_UNAUTHENTICATED);
    }

    @Test
    void aBoundClientQuietForFiveMinutesIsPingedThenClosedAMinuteLater() {
        Times quiet = new Times(T0, true, T0 + 10 * S, 0, 0);

        assertThat(at(quiet, 309)).isEqualTo(Action.NONE);
        assertThat(at(quiet, 310)).isEqualTo(Action.PING);
        Times pinged = new Times(T0, true, T0 + 10 * S, T0 + 311 * S, 0);
        assertThat(at(pinged, 370)).isEqualTo(Action.NONE);
        assertThat(at(pinged, 371)).isEqualTo(Action.CLOSE_IDLE);
    }

    @Test
    void anythingAfterThePingKeepsTheClient() {
        Times answered = new Times(T0, true, T0 + 312 * S, T0 + 311 * S, 0);

        assertThat(at(answered, 400)).isEqualTo(Action.NONE);
        assertThat(at(answered, 612)).as("quiet again for five minutes").isEqualTo(Action.PING);
    }

    @Test
    void anEndedStreamIsCutOffAfterItsGrace() {
        Times ended = new Times(T0, true, T0, 0, T0 + 20 * S);

        assertThat(at(ended, 20 + Liveness.CLOSE_GRACE_SECONDS - 1)).isEqualTo(Action.NONE);
        assertThat(at(ended, 20 + Liveness.CLOSE_GRACE_SECONDS)).isEqualTo(Action.ABORT);
    }
}
