package dev.mucengine.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.server.StoreLocation;
import dev.mucengine.server.component.ComponentSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentCommandTest {

    @Test
    void parsesTheIssueCommandLine() throws Exception {
        ComponentCommand.Options o = ComponentCommand.parse(new String[] {"--host", "127.0.0.1", "--port", "5347",
            "--domain", "muc.localhost", "--secret", "SECRET", "--data", "/var/lib/muc"}, Map.of());
        ComponentSettings s = o.settings();
        assertThat(o.store()).isEqualTo(new StoreLocation.Directory(Path.of("/var/lib/muc")));
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(5347);
        assertThat(s.domain().toString()).isEqualTo("muc.localhost");
        assertThat(s.secret()).isEqualTo("SECRET");
    }

    @Test
    void theSecretMayComeFromTheEnvironmentAndHostAndPortHaveDefaults() throws Exception {
        ComponentCommand.Options o = ComponentCommand.parse(new String[] {"--domain", "muc.example"},
                Map.of(ComponentCommand.SECRET_VARIABLE, "from-env"));
        assertThat(o.store()).isEqualTo(new StoreLocation.InMemory());
        ComponentSettings s = o.settings();
        assertThat(s.secret()).isEqualTo("from-env");
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(5347);
    }

    @Test
    void rejectsIncompleteOrInvalidCommandLines() {
        assertThatThrownBy(() -> ComponentCommand.parse(new String[] {"--secret", "x"}, Map.of()))
                .hasMessage("--domain is required");
        assertThatThrownBy(() -> ComponentCommand.parse(new String[] {"--domain", "muc.example"}, Map.of()))
                .hasMessageContaining("--secret");
        assertThatThrownBy(() -> ComponentCommand.parse(new String[] {"--domain", "m", "--secret", "x", "--port",
            "70000"}, Map.of())).hasMessage("not a port number: '70000'");
        assertThatThrownBy(() -> ComponentCommand.parse(new String[] {"--domain", "m", "--secret", "x", "--verbose",
            "1"}, Map.of())).hasMessage("unknown option '--verbose'");
        assertThatThrownBy(() -> ComponentCommand.parse(new String[] {"--domain"}, Map.of()))
                .hasMessageContaining("missing value");
        assertThatThrownBy(() -> ComponentCommand.parse(new String[] {"--domain", "m", "--secret", "x", "--database",
            "jdbc:postgresql://db/muc", "--data", "d"}, Map.of()))
                .hasMessage("--data and --database are exclusive, and each is given once");
    }

    @Test
    void mainPrintsTheComponentHelpAndExitsTwoOnUsageErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(Main.run(new String[] {"component", "--help"}, o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("XEP-0114", "--secret SECRET", "--data DIR",
                "--database URL");
        assertThat(Main.run(new String[] {"component", "--port", "5347"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --domain is required");
    }

    @Test
    void takesTheEngineThreadsAndDefaultsToOnePerCore() throws Exception {
        assertThat(ComponentCommand.parse(new String[] {"--domain", "m", "--secret", "x", "--engine-threads", "4"},
                Map.of()).engineThreads()).isEqualTo(4);
        assertThat(ComponentCommand.parse(new String[] {"--domain", "m", "--secret", "x"}, Map.of()).engineThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
