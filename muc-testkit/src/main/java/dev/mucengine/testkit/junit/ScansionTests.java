package dev.mucengine.testkit.junit;

import dev.mucengine.testkit.EngineFactory;
import dev.mucengine.testkit.ReplayOptions;
import dev.mucengine.testkit.ReplayResult;
import dev.mucengine.testkit.Replayer;
import dev.mucengine.testkit.ScriptFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * A directory of scansion scripts as JUnit 5 dynamic tests, one per script, named after it; a
 * failing script fails its test with the full report as the message.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return ScansionTests.in(Path.of("src/test/resources/scenarios"))
 *             .engine(settings -> new MyEngine(settings))
 *             .knownFailure("muc_outcast_reason", "ban reasons are not stored yet")
 *             .tests();
 * }
 * }</pre>
 *
 * <p>A known failure that fails is reported as aborted (skipped) with its reason; one that passes
 * fails, so the list cannot go stale. A known failure naming no script also fails. Instances are
 * immutable: every option returns a new instance.
 */
public final class ScansionTests {

    private final Path directory;
    private final ReplayOptions options;
    private final Map<String, String> knownFailures;

    private ScansionTests(Path directory, ReplayOptions options, Map<String, String> knownFailures) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.options = Objects.requireNonNull(options, "options");
        this.knownFailures = Map.copyOf(knownFailures);
    }

    /**
     * Every {@code *.scs} below {@code directory}, default options, against the default engine.
     *
     * @param directory the directory of scripts, searched recursively
     * @return one dynamic test per script
     * @throws IllegalArgumentException if the directory does not exist
     * @throws UncheckedIOException if it cannot be read
     */
    public static Stream<DynamicNode> forDirectory(Path directory) {
        return in(directory).tests();
    }

    /**
     * Starts configuring the tests for the scripts below {@code directory}. Nothing is read until
     * {@link #tests()}.
     *
     * @param directory the directory of scripts, searched recursively
     * @return the tests, with default options and no known failures
     */
    public static ScansionTests in(Path directory) {
        return new ScansionTests(directory, ReplayOptions.defaults(), Map.of());
    }

    /**
     * First-in-first-out queues; unread stanzas fail the script.
     *
     * @param strict true for strict queues, false for the reference tool's (the default)
     * @return a copy with {@code strict}
     */
    public ScansionTests strict(boolean strict) {
        return new ScansionTests(directory, options.withStrict(strict), knownFailures);
    }

    /**
     * The engine under test.
     *
     * @param engine creates the engine for each script
     * @return a copy with {@code engine}
     */
    public ScansionTests engine(EngineFactory engine) {
        return new ScansionTests(directory, options.withEngine(engine), knownFailures);
    }

    /**
     * Replaces every option at once (service domain, clock, ...), including any strict or engine
     * setting made before.
     *
     * @param newOptions the options
     * @return a copy with {@code newOptions}
     */
    public ScansionTests options(ReplayOptions newOptions) {
        return new ScansionTests(directory, newOptions, knownFailures);
    }

    /**
     * Scripts expected to fail, script name (file name without {@code .scs}) to reason. Adds to the
     * known failures named so far.
     *
     * @param scriptToReason why each script is expected to fail
     * @return a copy with these known failures too
     */
    public ScansionTests knownFailures(Map<String, String> scriptToReason) {
        Map<String, String> all = new LinkedHashMap<>(knownFailures);
        all.putAll(scriptToReason);
        return new ScansionTests(directory, options, all);
    }

    /**
     * One script expected to fail.
     *
     * @param script the script's name (file name without {@code .scs})
     * @param reason why it fails, shown when its test is skipped
     * @return a copy with this known failure too
     */
    public ScansionTests knownFailure(String script, String reason) {
        return knownFailures(Map.of(script, reason));
    }

    /**
     * One dynamic test per script, in sorted path order, plus one failing test if a known failure
     * names no script.
     *
     * @return the tests, for a {@code @TestFactory} method to return
     * @throws IllegalArgumentException if the directory does not exist
     * @throws UncheckedIOException if it cannot be read
     */
    public Stream<DynamicNode> tests() {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory.toAbsolutePath());
        }
        List<Path> scripts;
        try {
            scripts = ScriptFiles.find(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scripts in " + directory, e);
        }
        Replayer replayer = new Replayer(options);
        List<DynamicNode> tests = new ArrayList<>();
        for (Path script : scripts) {
            // No test source URI: Maven Surefire silently drops dynamic tests whose source is a file.
            tests.add(DynamicTest.dynamicTest(nameOf(script), () -> check(replayer.replay(script))));
        }
        Set<String> names = scripts.stream().map(ScansionTests::nameOf).collect(Collectors.toSet());
        List<String> unknown = knownFailures.keySet().stream().filter(n -> !names.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            tests.add(DynamicTest.dynamicTest("known-failures list names existing scripts", () -> Assertions.fail(
                    "known failures name no script in " + directory + ": " + unknown
                            + "; remove them from the known-failures list")));
        }
        return tests.stream();
    }

    private void check(ReplayResult result) {
        String reason = knownFailures.get(result.name());
        if (reason != null) {
            if (result.passed()) {
                Assertions.fail(result.name() + " passes now: remove it from the known-failures list (it was listed as: "
                        + reason + ")");
            }
            Assumptions.abort("known failure (" + reason + "): "
                    + result.failure().map(ReplayResult.Failure::reason).orElse(""));
        }
        result.failure().ifPresent(f -> Assertions.fail(f.report()));
    }

    private static String nameOf(Path script) {
        String base = String.valueOf(script.getFileName());
        return base.endsWith(".scs") ? base.substring(0, base.length() - 4) : base;
    }
}
