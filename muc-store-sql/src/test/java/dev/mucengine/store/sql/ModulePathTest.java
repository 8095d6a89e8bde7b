package dev.mucengine.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.store.RoomStore;
import dev.mucengine.store.sql.probe.ModulePathProbe;
import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.store.sql.testing.PostgresServers;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.util.cache.Cache;

/**
 * The store works as a named module, its drivers on the module path as their modules
 * ({@code org.xerial.sqlitejdbc}, {@code org.postgresql.jdbc}): a JVM of its own runs
 * {@link ModulePathProbe} so. Every other test runs it from the class path.
 */
class ModulePathTest {

    @RegisterExtension
    static final PostgresServers POSTGRES = new PostgresServers();


    @TempDir
    Path dir;

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private String run(String... args) throws Exception {
        // The store's classes (with module-info), muc-core's, jxmpp's and the drivers': the runtime module path.
        List<String> modulePath = new ArrayList<>();
        for (Class<?> c : List.of(SqlRoomStore.class, RoomStore.class, Jid.class, XmppStringprepException.class,
                Cache.class, org.sqlite.JDBC.class, org.postgresql.Driver.class)) {
            modulePath.add(location(c));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "dev.mucengine.store.sql",
                "-cp", location(ModulePathProbe.class), ModulePathProbe.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void sqliteWorksOnTheModulePath() throws Exception {
        assertThat(run(dir.resolve("rooms.db").toString())).contains("sqlite ok on the module path");
    }

    @Test
    void postgresqlWorksOnTheModulePath() throws Exception {
        PostgresServer server = POSTGRES.server();
        assertThat(run(dir.resolve("rooms.db").toString(), server.newDatabase()))
                .contains("postgresql ok on the module path");
    }
}
