package dev.mucengine.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.testkit.ToyRoomEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ScansionTestsTest {

    private static final String PASSING = """
            # passes against the toy room
            [Client] Alice
            \tjid: alice@example.org
            -----
            Alice connects
            Alice sends:
            \t<presence to="r@conference.example.org/a"/>
            Alice receives:
            \t<presence from="r@conference.example.org/a"/>
            """;

    private static final String FAILING = PASSING.replace("from=\"r@conference.example.org/a\"",
            "from=\"r@conference.example.org/someone-else\"");

    @TempDir
    Path dir;

    private List<DynamicTest> tests(ScansionTests scansion) {
        return scansion.engine(ToyRoomEngine::new).tests().map(DynamicTest.class::cast).toList();
    }

    @Test
    void oneTestPerScriptNamedAfterIt() throws IOException {
        Files.writeString(dir.resolve("b.scs"), PASSING);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.scs"), PASSING);
        Files.writeString(dir.resolve("notes.txt"), "not a script");
        List<DynamicNode> nodes = ScansionTests.in(dir).tests().toList();
        assertThat(nodes).extracting(DynamicNode::getDisplayName).containsExactly("b", "a");
    }

    @Test
    void aFailingScriptFailsWithTheReport() throws Throwable {
        Files.writeString(dir.resolve("bad.scs"), FAILING);
        DynamicTest test = tests(ScansionTests.in(dir)).get(0);
        assertThatThrownBy(() -> test.getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("bad.scs:8: Alice receives")
                .hasMessageContaining("Expected:")
                .hasMessageContaining("Received (head of Alice's queue):");
    }

    @Test
    void aKnownFailureThatFailsIsAbortedWithItsReason() throws IOException {
        Files.writeString(dir.resolve("bad.scs"), FAILING);
        DynamicTest test = tests(ScansionTests.in(dir).knownFailure("bad", "not supported yet")).get(0);
        assertThatThrownBy(() -> test.getExecutable().execute())
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("not supported yet");
    }

    @Test
    void aKnownFailureThatPassesFails() throws IOException {
        Files.writeString(dir.resolve("good.scs"), PASSING);
        DynamicTest test = tests(ScansionTests.in(dir).knownFailure("good", "was broken")).get(0);
        assertThatThrownBy(() -> test.getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("remove it from the known-failures list");
    }

    @Test
    void aKnownFailureNamingNoScriptFails() throws IOException {
        Files.writeString(dir.resolve("good.scs"), PASSING);
        List<DynamicTest> all = tests(ScansionTests.in(dir).knownFailure("gone", "renamed"));
        assertThat(all).hasSize(2);
        assertThatThrownBy(() -> all.get(1).getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("gone");
    }

    @Test
    void aPassingScriptPasses() throws Throwable {
        Files.writeString(dir.resolve("good.scs"), PASSING);
        tests(ScansionTests.in(dir)).get(0).getExecutable().execute();
    }

    @Test
    void aMissingDirectoryIsRejectedClearly() {
        assertThatThrownBy(() -> ScansionTests.forDirectory(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory");
    }
}
