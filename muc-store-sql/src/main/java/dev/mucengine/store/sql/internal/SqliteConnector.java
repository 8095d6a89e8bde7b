package dev.mucengine.store.sql.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * Connections to a SQLite file: write-ahead log, full sync, foreign keys, a busy timeout.
 *
 * @param file the database file, absolute
 * @param busyTimeout how long a statement waits for another connection's lock before failing
 */
public record SqliteConnector(Path file, Duration busyTimeout) implements Connector {

    @Override
    public Connection open() throws SQLException {
        // The driver itself, not DriverManager: works the same on the module path and in any class loader.
        Connection c = new JDBC().connect(JDBC.PREFIX + file, new Properties());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            s.execute("PRAGMA foreign_keys = ON");
            // FULL: a commit the host acknowledged survives a power loss; group commit pays for it once per batch.
            s.execute("PRAGMA synchronous = FULL");
            try (ResultSet mode = s.executeQuery("PRAGMA journal_mode = WAL")) {
                String journal = mode.next() ? mode.getString(1) : "";
                if (!"wal".equals(journal.toLowerCase(Locale.ROOT))) {
                    throw new SQLException("SQLite refused write-ahead logging (journal mode " + journal + ")");
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String target() {
        return "SQLite " + file;
    }
}
