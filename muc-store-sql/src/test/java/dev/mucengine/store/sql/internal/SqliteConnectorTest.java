package dev.mucengine.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every connection the store opens to a SQLite file is set up for durability and integrity. */
class SqliteConnectorTest {

    @TempDir
    Path dir;

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void connectionsUseAWriteAheadLogFullSyncForeignKeysAndTheBusyTimeout() throws SQLException {
        try (Connection c = new SqliteConnector(dir.resolve("rooms.db"), Duration.ofMillis(1234)).open()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(c, "busy_timeout")).isEqualTo("1234");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }
}
