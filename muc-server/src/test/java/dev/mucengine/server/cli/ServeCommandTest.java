package dev.mucengine.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.service.Limits;
import dev.mucengine.server.StoreLocation;
import dev.mucengine.server.c2s.ServeLimits;
import dev.mucengine.server.c2s.ServeOptions;
import dev.mucengine.server.c2s.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void parsesEveryOption() throws Exception {
        ServeOptions o = ServeCommand.parse(new String[] {"--domain", "example.org", "--port", "5223", "--bind",
            "0.0.0.0", "--admin", "admin:se:cret", "--admin", "root:pw", "--accounts", "users.txt",
            "--open-registration", "--data", "/var/lib/muc"});

        assertThat(o.domain()).isEqualTo("example.org");
        assertThat(o.port()).isEqualTo(5223);
        assertThat(o.bind()).isEqualTo("0.0.0.0");
        assertThat(o.admins()).containsExactly(new ServeOptions.Credential("admin", "se:cret"),
                new ServeOptions.Credential("root", "pw"));
        assertThat(o.accountsFile()).contains(Path.of("users.txt"));
        assertThat(o.openRegistration()).isTrue();
        assertThat(o.store()).isEqualTo(new StoreLocation.Directory(Path.of("/var/lib/muc")));
    }

    @Test
    void takesTheLimitsAnOperatorMayChangeAndKeepsTheOthers() throws Exception {
        ServeOptions o = ServeCommand.parse(new String[] {"--domain", "d", "--max-connections", "800",
            "--max-connections-per-address", "20", "--max-unauthenticated", "50", "--auth-timeout", "30",
            "--idle-timeout", "600", "--ping-timeout", "20", "--max-stanza-bytes", "65536", "--max-output-bytes",
            "1048576", "--registrations-per-address", "2"});

        ServeLimits l = o.limits();
        assertThat(l.maxConnections()).isEqualTo(800);
        assertThat(l.maxConnectionsPerAddress()).isEqualTo(20);
        assertThat(l.maxUnauthenticated()).isEqualTo(50);
        assertThat(l.authTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(l.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(l.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(l.maxStanzaBytes()).isEqualTo(65_536);
        assertThat(l.xmlLimits().maxStanzaBytes()).isEqualTo(65_536);
        assertThat(l.maxOutputBytes()).isEqualTo(1_048_576);
        assertThat(l.registrationsPerAddress()).isEqualTo(2);
        assertThat(l.maxPrivateBytes()).isEqualTo(ServeLimits.DEFAULTS.maxPrivateBytes());
        assertThat(ServeCommand.parse(new String[] {"--domain", "d"}).limits()).isEqualTo(ServeLimits.DEFAULTS);
    }

    @Test
    void takesTheRoomLimitsOfTheMucService() throws Exception {
        ServeOptions o = ServeCommand.parse(new String[] {"--domain", "d", "--rooms-per-user", "7",
            "--room-creations-per-minute", "3"});

        assertThat(o.roomLimits()).isEqualTo(Limits.DEFAULTS.withRoomCreationsPerMinute(3).withMaxRoomsPerUser(7));
        assertThat(ServeCommand.parse(new String[] {"--domain", "d"}).roomLimits()).isEqualTo(Limits.DEFAULTS);
    }

    @Test
    void takesTheEngineThreadsAndDefaultsToOnePerCore() throws Exception {
        assertThat(ServeCommand.parse(new String[] {"--domain", "d", "--engine-threads", "3"}).engineThreads())
                .isEqualTo(3);
        assertThat(ServeCommand.parse(new String[] {"--domain", "d"}).engineThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--engine-threads", "0"}))
                .hasMessage("bad --engine-threads '0': a number from 1 to 1024");
    }

    @Test
    void takesTheSelectorThreadsAndDefaultsToOnePerCore() throws Exception {
        assertThat(ServeCommand.parse(new String[] {"--domain", "d", "--selector-threads", "2"}).selectorThreads())
                .isEqualTo(2);
        assertThat(ServeCommand.parse(new String[] {"--domain", "d"}).selectorThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--selector-threads", "none"}))
                .hasMessage("bad --selector-threads 'none': a number from 1 to 1024");
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--selector-threads N", "--engine-threads N");
    }

    @Test
    void refusesLimitsThatAreNotPositiveNumbers() {
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--auth-timeout", "0"}))
                .hasMessage("--auth-timeout needs a positive whole number, got '0'");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--max-connections", "many"}))
                .hasMessage("--max-connections needs a positive whole number, got 'many'");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--max-stanza-bytes", "100"}))
                .hasMessageContaining("at least 4096 bytes");
    }

    @Test
    void takesAPostgresqlUrlAndRefusesTwoStores() throws Exception {
        ServeOptions o = ServeCommand.parse(new String[] {"--domain", "d", "--database",
            "jdbc:postgresql://db:5432/muc?user=muc&password=hunter2"});

        assertThat(o.store()).isEqualTo(new StoreLocation.Database("jdbc:postgresql://db:5432/muc?user=muc&password=hunter2"));
        assertThat(o.store().toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--data", "x", "--database",
            "jdbc:postgresql://db/muc"})).hasMessage("--data and --database are exclusive, and each is given once");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--database", "mysql://db"}))
                .hasMessage("--database needs a jdbc:postgresql:// URL");
    }

    @Test
    void saysAtStartWhereRoomsAreKept(@TempDir Path dir) throws Exception {
        try (Server memory = Server.start(ServeCommand.parse(new String[] {"--domain", "localhost", "--port", "0"}))) {
            assertThat(memory.storeDescription()).isEqualTo("state is in memory: rooms and messages will not survive"
                    + " a restart (use --data DIR or --database URL)");
        }
        try (Server sqlite = Server.start(ServeCommand.parse(new String[] {"--domain", "localhost", "--port", "0",
            "--data", dir.resolve("new").toString()}))) {
            assertThat(sqlite.storeDescription()).isEqualTo("rooms and messages are stored in SQLite "
                    + dir.resolve("new").resolve("muc.db").toAbsolutePath());
        }
        assertThat(dir.resolve("new").resolve("muc.db")).exists();
    }

    @Test
    void defaultsToTheClientPortOnLoopbackWithoutAccounts() throws Exception {
        ServeOptions o = ServeCommand.parse(new String[] {"--domain", "localhost"});

        assertThat(o.port()).isEqualTo(5222);
        assertThat(o.bind()).isEqualTo("127.0.0.1");
        assertThat(o.admins()).isEmpty();
        assertThat(o.accountsFile()).isEqualTo(Optional.empty());
        assertThat(o.openRegistration()).isFalse();
        assertThat(o.store()).isEqualTo(new StoreLocation.InMemory());
    }

    @Test
    void rejectsIncompleteOrInvalidCommandLines() {
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--port", "5222"}))
                .hasMessage("--domain is required");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--port", "70000"}))
                .hasMessage("bad port '70000'");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--admin", "nopassword"}))
                .hasMessage("expected NAME:PASSWORD, got 'nopassword'");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain", "d", "--tls"}))
                .hasMessage("unknown option '--tls'");
        assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--domain"})).hasMessage("--domain needs a value");
    }

    @Test
    void mainPrintsTheServeHelpAndExitsTwoOnUsageErrors() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("muc-server.jar serve --domain DOMAIN",
                "--admin NAME:PASSWORD", "--accounts FILE", "--open-registration", "--data DIR", "--database URL",
                "lost when the process ends");

        assertThat(run("serve", "--port", "5222")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --domain is required",
                "Run 'serve --help' for usage.");
    }

    @Test
    void mainNamesBothCommandsAndRejectsOthers() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("muc-server.jar serve", "muc-server.jar component");

        assertThat(run()).isEqualTo(2);
        assertThat(run("replay", "docs/scripts")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'replay'");
    }
}
