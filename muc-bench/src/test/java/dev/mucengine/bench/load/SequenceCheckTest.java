package dev.mucengine.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceCheckTest {

    @Test
    void everyMessageOnceAndInOrderIsClean() {
        SequenceCheck check = new SequenceCheck(2);
        for (long s = 0; s < 5; s++) {
            check.received(0, s);
            check.received(1, s);
        }
        assertThat(check.outcome(new long[] {5, 5})).isEqualTo(new SequenceCheck.Outcome(0, 0, 0));
    }

    @Test
    void aMessageThatArrivesAfterALaterOneIsReorderedNotLost() {
        SequenceCheck check = new SequenceCheck(1);
        check.received(0, 0);
        check.received(0, 2);
        check.received(0, 1);
        assertThat(check.outcome(new long[] {3})).isEqualTo(new SequenceCheck.Outcome(0, 0, 1));
    }

    @Test
    void aMessageSeenTwiceIsDuplicated() {
        SequenceCheck check = new SequenceCheck(1);
        check.received(0, 0);
        check.received(0, 1);
        check.received(0, 1);
        check.received(0, 0);
        assertThat(check.outcome(new long[] {2})).isEqualTo(new SequenceCheck.Outcome(0, 2, 0));
    }

    @Test
    void gapsAndAMissingTailAreLost() {
        SequenceCheck check = new SequenceCheck(2);
        check.received(0, 0);
        check.received(0, 3);
        check.received(1, 0);
        SequenceCheck.Outcome outcome = check.outcome(new long[] {5, 4});
        assertThat(outcome).isEqualTo(new SequenceCheck.Outcome(2 + 1 + 3, 0, 0));
        assertThat(outcome.clean()).isFalse();
    }
}
