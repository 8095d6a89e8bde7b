package dev.mucengine.testkit.junit;

import dev.mucengine.testkit.ToyRoomEngine;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The project's own scenario scripts, replayed in both queue modes. */
class ScenarioScriptsTest {

    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicNode> scenariosWithReferenceQueues() {
        return ScansionTests.in(SCENARIOS).engine(ToyRoomEngine::new).tests();
    }

    @TestFactory
    Stream<DynamicNode> scenariosWithStrictQueues() {
        return ScansionTests.in(SCENARIOS).engine(ToyRoomEngine::new).strict(true).tests();
    }
}
