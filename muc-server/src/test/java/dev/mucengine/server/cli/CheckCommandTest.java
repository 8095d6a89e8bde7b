package dev.mucengine.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.server.StoreLocation;
import dev.mucengine.server.c2s.ServeLimits;
import dev.mucengine.server.c2s.ServeOptions;
import dev.mucengine.server.c2s.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code check} against a real serve on a free loopback port, and against nothing. */
class CheckCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Server serve() throws Exception {
        return Server.start(new ServeOptions("localhost", 0, "127.0.0.1",
                List.of(new ServeOptions.Credential("monitor", "watch")), Optional.empty(), false,
                new StoreLocation.InMemory(), ServeLimits.DEFAULTS));
    }

    @Test
    void passesWhenTheServerLogsInAndAnswers() throws Exception {
        try (Server server = serve()) {
            int code = run("check", "--port", String.valueOf(server.port()), "--domain", "localhost",
                    "--account", "monitor:watch");

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ok: monitor@localhost logged in");
        }
    }

    @Test
    void failsOnAWrongPasswordSayingWhichStepFailed() throws Exception {
        try (Server server = serve()) {
            int code = run("check", "--port", String.valueOf(server.port()), "--domain", "localhost",
                    "--account", "monitor:wrong");

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("check failed authenticating as monitor");
        }
    }

    @Test
    void failsWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        assertThat(run("check", "--port", String.valueOf(port), "--domain", "localhost", "--account", "a:b"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("check failed connecting to 127.0.0.1:" + port);
    }

    @Test
    void needsADomainAndAnAccount() {
        assertThat(run("check", "--domain", "localhost")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--domain and --account are required");
    }
}
