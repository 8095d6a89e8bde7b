package dev.mucengine.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    // Passes against the placeholder engine: only the simulated server is involved.
    private static final String PASSING = """
            # reflected presence
            [Client] Romeo
            \tjid: romeo@localhost/a
            -----
            Romeo connects
            Romeo sends:
            \t<presence/>
            Romeo receives:
            \t<presence from="${Romeo's full JID}"/>
            """;

    private static final String FAILING = PASSING.replace("<presence/>", "<presence to='room@conference.localhost/r'/>");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerScriptInSortedOrderThenTheTotals() throws IOException {
        Files.writeString(dir.resolve("b_fails.scs"), FAILING);
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/passes.scs"), PASSING);
        int code = run("replay", dir.toString());
        assertThat(out().lines().toList()).containsExactly(
                "PASS passes",
                "FAIL b_fails: b_fails.scs:8: Romeo receives: the stanza does not match at /presence: "
                        + "attribute from is 'room@conference.localhost/r', expected 'romeo@localhost/a'",
                "1 passed, 1 failed");
        assertThat(code).isEqualTo(1);
    }

    @Test
    void exitsZeroWhenEverythingPasses() throws IOException {
        Path script = Files.writeString(dir.resolve("ok.scs"), PASSING);
        assertThat(run("replay", script.toString())).isZero();
        assertThat(out()).isEqualTo("PASS ok\n1 passed, 0 failed\n");
    }

    @Test
    void aMalformedScriptFailsWithItsLocation() throws IOException {
        Path script = Files.writeString(dir.resolve("bad.scs"), PASSING.replace("Romeo sends:", "Romeo shouts:"));
        assertThat(run("replay", script.toString())).isEqualTo(1);
        assertThat(out()).contains("FAIL bad: " + script + ":6: unknown action: Romeo shouts:");
    }

    @Test
    void verboseAddsTheReportAndTranscriptAddsEveryStanza() throws IOException {
        Path script = Files.writeString(dir.resolve("f.scs"), FAILING);
        run("replay", "--verbose", "--transcript", script.toString());
        assertThat(out()).contains("Expected:", "Received (head of Romeo's queue):", "transcript:", "to engine",
                "from engine", "code='201'");
    }

    @Test
    void strictModeFailsOnUnreadStanzas() throws IOException {
        Path script = Files.writeString(dir.resolve("s.scs"), PASSING + "Romeo sends:\n\t<presence/>\n");
        assertThat(run("replay", script.toString())).isZero();
        assertThat(run("replay", "--strict", script.toString())).isEqualTo(1);
    }

    // History on entry carries the time the message was received: the clock at the third action.
    private static final String TIMED = """
            # a delay stamp shows the clock
            [Client] Romeo
            \tjid: romeo@localhost/a
            [Client] Juliet
            \tjid: juliet@localhost/b
            -----
            Romeo connects
            Romeo sends:
            \t<presence to="clock@conference.localhost/Romeo"/>
            Romeo sends:
            \t<message type="groupchat" to="clock@conference.localhost"><body>tick</body></message>
            Juliet connects
            Juliet sends:
            \t<presence to="clock@conference.localhost/Juliet"/>
            Juliet receives:
            \t<presence from="clock@conference.localhost/Romeo"/>
            Juliet receives:
            \t<presence from="clock@conference.localhost/Juliet"/>
            Juliet receives:
            \t<message from="clock@conference.localhost/Romeo"><delay xmlns="urn:xmpp:delay" \
            from="clock@conference.localhost" stamp="2026-01-01T00:00:04Z"/></message>
            """;

    @Test
    void clockStepAdvancesTheClockPerAction() throws IOException {
        Path script = Files.writeString(dir.resolve("timed.scs"), TIMED);
        assertThat(run("replay", script.toString())).isEqualTo(1);
        assertThat(run("replay", "--clock-step", "PT2S", script.toString())).isZero();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("replay")).isEqualTo(2);
        assertThat(run("replay", "--frobnicate", "x.scs")).isEqualTo(2);
        assertThat(run("dance")).isEqualTo(2);
        assertThat(run("serve", "--domain", "localhost")).isEqualTo(2);
        assertThat(run("replay", dir.resolve("missing.scs").toString())).isEqualTo(2);
        assertThat(run("replay", "--clock-step", "soon", "x.scs")).isEqualTo(2);
        assertThat(run("replay", "--clock-step", "-PT1S", "x.scs")).isEqualTo(2);
        assertThat(run("replay", "--clock-step")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or directory");
    }

    @Test
    void helpDocumentsEveryOptionAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("replay", "--strict", "--verbose", "--transcript", "--clock-step", "PATH",
                "N passed, M failed", "Exit code");
        // serve and component moved to muc-server.jar
        assertThat(out()).doesNotContain("serve --", "component");
    }
}
