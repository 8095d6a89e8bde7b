package dev.mucengine.testkit.junit;

import dev.mucengine.testkit.EngineFactory;
import dev.mucengine.testkit.ToyRoomEngine;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own scenario scripts, replayed in both queue modes: {@code scenarios/toy} exercises
 * the harness against a test double, {@code scenarios/xep0045} specifies the real engine, one
 * directory per XEP-0045 use-case section.
 */
class ScenarioScriptsTest {

    private static final Path TOY_SCENARIOS = Path.of("src/test/resources/scenarios/toy");
    private static final Path XEP0045_SCENARIOS = Path.of("src/test/resources/scenarios/xep0045");

    @TestFactory
    Stream<DynamicNode> toyScenariosWithReferenceQueues() {
        return ScansionTests.in(TOY_SCENARIOS).engine(ToyRoomEngine::new).tests();
    }

    @TestFactory
    Stream<DynamicNode> toyScenariosWithStrictQueues() {
        return ScansionTests.in(TOY_SCENARIOS).engine(ToyRoomEngine::new).strict(true).tests();
    }

    @TestFactory
    Stream<DynamicNode> xep0045WithReferenceQueues() {
        return ScansionTests.in(XEP0045_SCENARIOS).engine(EngineFactory.defaultFactory()).tests();
    }

    @TestFactory
    Stream<DynamicNode> xep0045WithStrictQueues() {
        return ScansionTests.in(XEP0045_SCENARIOS).engine(EngineFactory.defaultFactory()).strict(true).tests();
    }
}
