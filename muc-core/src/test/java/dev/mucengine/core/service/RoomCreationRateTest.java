package dev.mucengine.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

class RoomCreationRateTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final BareJid ALICE = JidCreate.bareFromOrThrowUnchecked("alice@example.org");
    private static final BareJid BOB = JidCreate.bareFromOrThrowUnchecked("bob@example.org");

    private final RoomCreationRate rate = new RoomCreationRate();

    @Test
    void refusesTheCreationBeyondTheLimitWithinAMinute() {
        for (int i = 0; i < 3; i++) {
            assertThat(rate.tryCreate(ALICE, T0.plusSeconds(i), 3)).isTrue();
        }

        assertThat(rate.tryCreate(ALICE, T0.plusSeconds(59), 3)).isFalse();
        assertThat(rate.tryCreate(BOB, T0.plusSeconds(59), 3)).as("another user's count").isTrue();
    }

    @Test
    void aCreationAMinuteOldNoLongerCounts() {
        rate.tryCreate(ALICE, T0, 1);

        assertThat(rate.tryCreate(ALICE, T0.plus(Duration.ofMinutes(1)).minusMillis(1), 1)).isFalse();
        assertThat(rate.tryCreate(ALICE, T0.plus(Duration.ofMinutes(1)), 1)).isTrue();
    }

    @Test
    void aRefusedCreationIsNotCounted() {
        rate.tryCreate(ALICE, T0, 1);
        rate.tryCreate(ALICE, T0.plusSeconds(30), 1);

        assertThat(rate.tryCreate(ALICE, T0.plusSeconds(60), 1)).isTrue();
    }

    /**
     * Bursts grow a user's times after the window has moved past older ones, under limits that
     * change (as an operator may reload them); compared with a plain list of times.
     */
    @Test
    void agreesWithAListOfTimesThroughBurstsAndPauses() {
        Random random = new Random(12);
        List<Instant> model = new ArrayList<>();
        Instant now = T0;
        for (int step = 0; step < 5_000; step++) {
            now = now.plusMillis(random.nextInt(50) == 0 ? random.nextInt(40_000) : random.nextInt(200));
            Instant cutoff = now.minus(Duration.ofMinutes(1));
            model.removeIf(t -> !t.isAfter(cutoff));
            int limit = 1 + random.nextInt(step % 1_000 < 500 ? 20 : 300);
            boolean expected = model.size() < limit;
            if (expected) {
                model.add(now);
            }
            assertThat(rate.tryCreate(ALICE, now, limit)).as("step %d", step).isEqualTo(expected);
        }
    }
}
