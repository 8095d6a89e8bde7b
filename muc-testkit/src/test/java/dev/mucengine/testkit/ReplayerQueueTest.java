package dev.mucengine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.testkit.script.ScriptException;
import dev.mucengine.testkit.script.ScriptParser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The two queue modes, each rule with a passing and a failing script. */
class ReplayerQueueTest {

    private static final String HEADER = """
            [Client] Romeo
            \tjid: romeo@localhost
            [Client] Juliet
            \tjid: juliet@localhost
            -----
            Romeo connects
            Juliet connects
            """;

    static ReplayResult replay(boolean strict, String steps) {
        try {
            return new Replayer(ReplayOptions.defaults().withStrict(strict).withEngine(BurstEngine::new))
                    .replay(ScriptParser.standard().parse("queue.scs", HEADER + steps));
        } catch (ScriptException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static String burst(String client, int n) {
        return client + " sends:\n\t<message to='burst@conference.localhost'><body>" + n + "</body></message>\n";
    }

    static String receives(String client, String body) {
        return client + " receives:\n\t<message from='burst@conference.localhost'><body>" + body + "</body></message>\n";
    }

    @Nested
    class ReferenceToolMode {

        @Test
        void consecutiveReceivesReadTheRestOfTheSameRead() {
            assertThat(replay(false, burst("Romeo", 3) + receives("Romeo", "1") + receives("Romeo", "2")
                    + receives("Romeo", "3")).passed()).isTrue();
        }

        @Test
        void theRestIsDiscardedWhenTheNextActionIsNotAReceiveBySameClient() {
            ReplayResult result = replay(false, burst("Romeo", 3) + receives("Romeo", "1")
                    + burst("Juliet", 1) + receives("Romeo", "2"));
            assertThat(result.passed()).isFalse();
            assertThat(result.failure().orElseThrow().reason())
                    .contains("Romeo receives: expected a stanza, but nothing was received");
            assertThat(result.discarded()).hasSize(2);
        }

        @Test
        void aReceiveByAnotherClientAlsoEndsTheRead() {
            ReplayResult result = replay(false, burst("Romeo", 2) + burst("Juliet", 1) + receives("Romeo", "1")
                    + receives("Juliet", "1") + receives("Romeo", "2"));
            assertThat(result.passed()).isFalse();
        }

        @Test
        void discardedStanzasDoNotFailTheScript() {
            ReplayResult result = replay(false, burst("Romeo", 3) + receives("Romeo", "1") + "Romeo receives: nothing\n");
            assertThat(result.passed()).as("nothing follows a receive: the rest is still in the read").isFalse();
            assertThat(replay(false, burst("Romeo", 3) + receives("Romeo", "1") + burst("Juliet", 1)
                    + receives("Juliet", "1") + "Romeo receives: nothing\n").passed()).isTrue();
        }

        @Test
        void theStepMatchesTheFirstStanzaOfTheReadOnly() {
            ReplayResult result = replay(false, burst("Romeo", 2) + receives("Romeo", "2"));
            assertThat(result.passed()).isFalse();
            assertThat(result.failure().orElseThrow().report())
                    .contains("Expected:", "<body>2</body>", "Received (head of Romeo's queue):", "<body>1</body>",
                            "Also queued for Romeo (1):");
        }

        @Test
        void anUnfinishedReadAtTheEndIsNotAFailure() {
            assertThat(replay(false, burst("Romeo", 2) + receives("Romeo", "1")).passed()).isTrue();
        }
    }

    @Nested
    class StrictMode {

        @Test
        void nothingIsDiscarded() {
            assertThat(replay(true, burst("Romeo", 3) + receives("Romeo", "1") + burst("Juliet", 1)
                    + receives("Juliet", "1") + receives("Romeo", "2") + receives("Romeo", "3")).passed()).isTrue();
        }

        @Test
        void unreadStanzasAtTheEndFail() {
            ReplayResult result = replay(true, burst("Romeo", 2) + receives("Romeo", "1"));
            assertThat(result.passed()).isFalse();
            assertThat(result.failure().orElseThrow().reason())
                    .isEqualTo("queue.scs:10: the script ended with 1 unread stanza(s) for Romeo (strict mode)");
        }

        @Test
        void unreadStanzasAtDisconnectFail() {
            ReplayResult result = replay(true, burst("Romeo", 1) + "Romeo disconnects\n");
            assertThat(result.failure().orElseThrow().reason()).contains("Romeo disconnects with 1 unread");
            assertThat(replay(true, burst("Romeo", 1) + receives("Romeo", "1") + "Romeo disconnects\n").passed())
                    .isTrue();
        }

        @Test
        void orderIsFirstInFirstOut() {
            assertThat(replay(true, burst("Romeo", 2) + receives("Romeo", "2") + receives("Romeo", "1")).passed())
                    .isFalse();
        }
    }

    @Nested
    class BothModes {

        @Test
        void anEmptyQueueFailsAReceive() {
            for (boolean strict : new boolean[] {false, true}) {
                ReplayResult result = replay(strict, receives("Romeo", "1"));
                assertThat(result.failure().orElseThrow().report()).contains("Received (head of Romeo's queue):\n    nothing");
            }
        }

        @Test
        void receivesNothingFailsWhenSomethingIsQueued() {
            for (boolean strict : new boolean[] {false, true}) {
                assertThat(replay(strict, burst("Romeo", 1) + "Romeo receives: nothing\n").passed()).isFalse();
                assertThat(replay(strict, burst("Romeo", 1) + "Juliet receives: nothing\n"
                        + receives("Romeo", "1")).passed()).isTrue();
            }
        }

        @Test
        void aMismatchFailsWithLineAndReason() {
            for (boolean strict : new boolean[] {false, true}) {
                ReplayResult result = replay(strict, burst("Romeo", 1) + receives("Romeo", "7"));
                assertThat(result.failure().orElseThrow().reason()).isEqualTo(
                        "queue.scs:10: Romeo receives: the stanza does not match at /message/body: text is '1', expected '7' (no <body/> child matches)");
            }
        }
    }

    @Test
    void theClockIsFixedAndCanAdvancePerStep() throws ScriptException {
        String script = HEADER + "Romeo sends:\n\t<message to='burst@conference.localhost'/>\n"
                + receives("Romeo", "2026-01-01T00:00:00Z");
        assertThat(replay(false, script.substring(HEADER.length())).passed()).isTrue();
        ReplayOptions ticking = ReplayOptions.defaults().withEngine(BurstEngine::new)
                .withClock(ReplayOptions.DEFAULT_START, java.time.Duration.ofSeconds(10));
        ReplayResult result = new Replayer(ticking).replay(ScriptParser.standard().parse("clock.scs", script));
        assertThat(result.failure().orElseThrow().reason()).contains("text is '2026-01-01T00:00:20Z'");
    }

    @Test
    void anEngineThatThrowsFailsTheStepInsteadOfTheRun() throws ScriptException {
        Replayer replayer = new Replayer(ReplayOptions.defaults().withEngine(settings -> (stanza, now) -> {
            throw new IllegalStateException("boom");
        }));
        ReplayResult result = replayer.replay(ScriptParser.standard().parse("t.scs", HEADER + burst("Romeo", 1)));
        assertThat(result.failure().orElseThrow().reason())
                .isEqualTo("t.scs:8: Romeo sends: the engine threw java.lang.IllegalStateException: boom");
    }
}
