package dev.mucengine.core.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the engine (issue 10, docs/testing.md): a sequence of XEP-0045
 * stanzas from several sessions to two rooms, decoded from the fuzzer's bytes
 * ({@link FuzzedActions}), handled by a fresh {@code MucService} with every check of the model
 * tests after every step ({@link ModelRun}): {@code handle} never throws, every output is
 * well-formed and addressed, every error carries an RFC 6120 condition, the presence each session
 * was told matches the room, entering goes as predicted, and the room invariants hold.
 *
 * <p>The committed inputs ({@code EngineFuzzTestInputs}) are replayed first by the fuzz
 * execution of {@code mvn verify}, which then fuzzes for a few seconds.
 */
class EngineFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void anySequenceOfStanzasKeepsTheEngineSound(FuzzedDataProvider data) {
        ModelRun.run(FuzzedActions.decode(data));
    }
}
