package dev.mucengine.store.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the two databases once connected: where their migrations are, and how a
 * write transaction starts. The SQL of reads and writes is the same for both.
 */
public enum Dialect {
    /** SQLite: a file, one writer at a time. */
    SQLITE("sqlite") {
        @Override
        void begin(Connection c) throws SQLException {
            // IMMEDIATE takes the write lock now (waiting up to the busy timeout), rather than failing
            // halfway through the batch when a read lock cannot be upgraded.
            execute(c, "BEGIN IMMEDIATE");
        }

        @Override
        void commit(Connection c) throws SQLException {
            execute(c, "COMMIT");
        }

        @Override
        void rollback(Connection c) throws SQLException {
            execute(c, "ROLLBACK");
        }
    },
    /** PostgreSQL: plain JDBC transactions. */
    POSTGRESQL("postgresql") {
        @Override
        void begin(Connection c) throws SQLException {
            c.setAutoCommit(false);
        }

        @Override
        void commit(Connection c) throws SQLException {
            c.commit();
            c.setAutoCommit(true);
        }

        @Override
        void rollback(Connection c) throws SQLException {
            try {
                c.rollback();
            } finally {
                c.setAutoCommit(true);
            }
        }
    };

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * Where this dialect's migrations are, as a resource path.
     *
     * @param name the migration's name, such as {@code V1__rooms}
     * @return the resource's absolute path
     */
    public String migration(String name) {
        return "/dev/mucengine/store/sql/" + folder + "/" + name + ".sql";
    }

    abstract void begin(Connection c) throws SQLException;

    abstract void commit(Connection c) throws SQLException;

    abstract void rollback(Connection c) throws SQLException;

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
