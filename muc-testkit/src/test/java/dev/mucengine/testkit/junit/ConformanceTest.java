package dev.mucengine.testkit.junit;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Prosody conformance corpus against {@code EngineFactory.defaultFactory()}. The corpus lives
 * outside the repository ({@code <repo>/../shared/conformance/prosody}); the system property
 * {@code mucengine.conformance.dir} points elsewhere.
 */
class ConformanceTest {

    static final String DIRECTORY_PROPERTY = "mucengine.conformance.dir";

    /** Shrinks as the engine grows; a listed script that passes fails this test. */
    private static final Map<String, String> KNOWN_FAILURES = knownFailures();

    private static Map<String, String> knownFailures() {
        // Empty: the engine passes the whole corpus. Add "script name" -> "reason" to tolerate a regression knowingly.
        return new LinkedHashMap<>();
    }

    @TestFactory
    Stream<DynamicNode> prosodyCorpus() {
        Path corpus = corpusDirectory();
        if (!Files.isDirectory(corpus)) {
            // A skipped test rather than an aborted factory: Surefire shows a test's skip reason.
            return Stream.of(DynamicTest.dynamicTest("prosody corpus", () -> abort("conformance corpus not found at "
                    + corpus + " (set -D" + DIRECTORY_PROPERTY + "=DIR to point at it); skipping")));
        }
        return ScansionTests.in(corpus).knownFailures(KNOWN_FAILURES).tests();
    }

    static Path corpusDirectory() {
        String override = System.getProperty(DIRECTORY_PROPERTY, "");
        if (!override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        // Tests run in the module directory; the repository root is its parent.
        Path repository = Path.of("").toAbsolutePath().getParent();
        return repository.resolve("../shared/conformance/prosody").normalize();
    }
}
