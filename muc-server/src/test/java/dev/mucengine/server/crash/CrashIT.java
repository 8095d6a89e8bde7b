package dev.mucengine.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.store.sql.testing.PostgresServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: {@code muc-server.jar serve} as a separate JVM on a real store,
 * killed with SIGKILL at random moments (or stopped with SIGTERM) over several rounds, restarted
 * on the same store each time; then every message any client received is in the archive under
 * the same stanza id, in order, no id twice; the last acknowledged configuration change and every
 * acknowledged affiliation change are there; the database opens without repair. Runs after
 * {@code package} (failsafe), on the shaded jar.
 */
class CrashIT {

    private static final Path JAR = Path.of(System.getProperty("muc.server.jar", "target/muc-server.jar"));
    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    private static long seed() {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("crash test seed (-Dcrash.seed=" + seed + " repeats it)");
        return seed;
    }

    private void crashes(CrashScenario scenario, CrashScenario.Stop stop) throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            scenario.round(stop);
        }
        scenario.audit();
        assertThat(scenario.receivedCount()).as("the rounds carried traffic").isGreaterThan(ROUNDS * 10);
        assertThat(scenario.acknowledgedChanges()).as("the owner's changes were acknowledged").isPositive();
    }

    private CrashScenario sqlite() throws Exception {
        return new CrashScenario(JAR, dir, List.of("--data", dir.resolve("data").toString()), Map.of(), seed());
    }

    private void assertIntact() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("muc.db"));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).as("SQLite's integrity check").isEqualTo("ok");
        }
    }

    @Test
    void sqliteKeepsEverythingAcknowledgedThroughKillNine() throws Exception {
        crashes(sqlite(), CrashScenario.Stop.KILL);
        assertIntact();
    }

    @Test
    void sqliteCommitsEverythingOnACleanShutdown() throws Exception {
        crashes(sqlite(), CrashScenario.Stop.TERM);
        assertIntact();
    }

    /** The same against a real PostgreSQL server (gated like muc-store-sql's PostgreSQL tests). */
    @Nested
    class OnPostgresql {

        @RegisterExtension
        static final PostgresServers POSTGRES = new PostgresServers();

        private CrashScenario postgresql() throws Exception {
            PostgresServer server = POSTGRES.server();
            String url = server.newDatabase();
            String withoutCredentials = url.substring(0, url.indexOf('?'));
            // Credentials from the environment, as an operator would give them.
            return new CrashScenario(JAR, dir, List.of("--database", withoutCredentials),
                    Map.of("PGUSER", "postgres", "PGPASSWORD", server.password()), seed());
        }

        @Test
        void postgresqlKeepsEverythingAcknowledgedThroughKillNine() throws Exception {
            crashes(postgresql(), CrashScenario.Stop.KILL);
        }

        @Test
        void postgresqlCommitsEverythingOnACleanShutdown() throws Exception {
            crashes(postgresql(), CrashScenario.Stop.TERM);
        }
    }
}
