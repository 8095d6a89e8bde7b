package dev.mucengine.testkit.junit;

import dev.mucengine.core.service.ArchivePolicy;
import dev.mucengine.testkit.EngineFactory;
import dev.mucengine.testkit.ReplayOptions;
import dev.mucengine.testkit.ToyRoomEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own scenario scripts, replayed in both queue modes: {@code scenarios/toy} exercises
 * the harness against a test double, {@code scenarios/xep0045} specifies the real engine, one
 * directory per XEP-0045 use-case section; {@code scenarios/xep0359}, {@code scenarios/xep0313},
 * {@code scenarios/xep0421}, {@code scenarios/xep0424} and {@code scenarios/xep0425} specify stanza
 * ids, the room archive, occupant ids and retractions with a clock that advances one second per
 * action (as {@code replay --clock-step PT1S} does), {@code scenarios/xep0410} self-ping, {@code scenarios/xep0486} room avatars, and
 * {@code scenarios/archive-policy} the service's
 * archive policy, one directory per setting, each replayed with its setting.
 */
class ScenarioScriptsTest {

    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final Path TOY_SCENARIOS = SCENARIOS.resolve("toy");
    private static final Path POLICY = SCENARIOS.resolve("archive-policy");

    @TestFactory
    Stream<DynamicNode> toyScenariosWithReferenceQueues() {
        return ScansionTests.in(TOY_SCENARIOS).engine(ToyRoomEngine::new).tests();
    }

    @TestFactory
    Stream<DynamicNode> toyScenariosWithStrictQueues() {
        return ScansionTests.in(TOY_SCENARIOS).engine(ToyRoomEngine::new).strict(true).tests();
    }

    @TestFactory
    Stream<DynamicNode> xep0045() {
        return bothModes(SCENARIOS.resolve("xep0045"), EngineFactory.defaultFactory(), Duration.ZERO);
    }

    @TestFactory
    Stream<DynamicNode> xep0359() {
        return bothModes(SCENARIOS.resolve("xep0359"), EngineFactory.defaultFactory(), Duration.ofSeconds(1));
    }

    @TestFactory
    Stream<DynamicNode> xep0421() {
        return bothModes(SCENARIOS.resolve("xep0421"), EngineFactory.defaultFactory(), Duration.ofSeconds(1));
    }

    @TestFactory
    Stream<DynamicNode> xep0410() {
        return bothModes(SCENARIOS.resolve("xep0410"), EngineFactory.defaultFactory(), Duration.ZERO);
    }

    @TestFactory
    Stream<DynamicNode> xep0313() {
        return bothModes(SCENARIOS.resolve("xep0313"), EngineFactory.defaultFactory(), Duration.ofSeconds(1));
    }

    @TestFactory
    Stream<DynamicNode> xep0424() {
        return bothModes(SCENARIOS.resolve("xep0424"), EngineFactory.defaultFactory(), Duration.ofSeconds(1));
    }

    @TestFactory
    Stream<DynamicNode> xep0425() {
        return bothModes(SCENARIOS.resolve("xep0425"), EngineFactory.defaultFactory(), Duration.ofSeconds(1));
    }

    @TestFactory
    Stream<DynamicNode> xep0486() {
        return bothModes(SCENARIOS.resolve("xep0486"), EngineFactory.defaultFactory(), Duration.ZERO);
    }

    @TestFactory
    Stream<DynamicNode> archiveKeepsThreeMessagesPerRoom() {
        return bothModes(POLICY.resolve("max_messages"),
                policy(new ArchivePolicy(Optional.empty(), 3, 100)), Duration.ofSeconds(1));
    }

    @TestFactory
    Stream<DynamicNode> archiveKeepsMessagesForAMinute() {
        return bothModes(POLICY.resolve("max_age"),
                policy(new ArchivePolicy(Optional.of(Duration.ofMinutes(1)), 100_000, 100)), Duration.ofSeconds(10));
    }

    @TestFactory
    Stream<DynamicNode> archivePagesHoldTwoMessages() {
        return bothModes(POLICY.resolve("max_page_size"),
                policy(new ArchivePolicy(Optional.empty(), 100_000, 2)), Duration.ofSeconds(1));
    }

    private static EngineFactory policy(ArchivePolicy policy) {
        return EngineFactory.configured(config -> config.withArchivePolicy(policy));
    }

    /** The directory's scripts with the reference tool's queues, then with strict ones. */
    private static Stream<DynamicNode> bothModes(Path directory, EngineFactory engine, Duration clockStep) {
        ReplayOptions options = ReplayOptions.defaults().withEngine(engine)
                .withClock(ReplayOptions.DEFAULT_START, clockStep);
        return Stream.of(
                DynamicContainer.dynamicContainer("reference queues",
                        ScansionTests.in(directory).options(options).tests()),
                DynamicContainer.dynamicContainer("strict queues",
                        ScansionTests.in(directory).options(options.withStrict(true)).tests()));
    }
}
