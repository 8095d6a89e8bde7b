package dev.mucengine.store.sql.internal;

import dev.mucengine.core.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database's schema to the version this code knows, at start. Migrations are SQL
 * resources per dialect ({@link Dialect#migration}), numbered from 1; table
 * {@code schema_version} holds one row per migration applied. Each migration runs in its own
 * transaction with the row that records it, so a failure leaves the database at the previous
 * version. A database at a newer version than this code knows is refused: this code would not
 * know what the newer version changed.
 */
public final class SchemaMigrations {

    /** The migrations, in order: the first is version 1. Each exists for every dialect. */
    public static final List<String> MIGRATIONS = List.of("V1__rooms", "V2__archive_counts", "V3__service_secret",
            "V4__room_vcard");

    private SchemaMigrations() {
    }

    /**
     * The version this code brings a database to.
     *
     * @return the number of the last migration
     */
    public static int latest() {
        return MIGRATIONS.size();
    }

    /**
     * Applies every migration the database lacks.
     *
     * @param c a connection in auto-commit mode
     * @param database the database, for its dialect and messages
     * @throws SQLException on a database fault
     * @throws StoreUnavailableException if the database is newer than this code
     */
    public static void migrate(Connection c, Database database) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        }
        int current = current(c);
        if (current > latest()) {
            throw new StoreUnavailableException("the database " + database.target() + " has schema version " + current
                    + ", newer than this muc-store-sql knows (" + latest() + "): a newer version wrote it; "
                    + "run that version, or open another database");
        }
        for (int version = current + 1; version <= latest(); version++) {
            apply(c, database.dialect(), version);
        }
    }

    /**
     * The database's schema version.
     *
     * @param c a connection
     * @return the highest version applied, 0 if none
     * @throws SQLException on a database fault (also when there is no {@code schema_version} table)
     */
    public static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void apply(Connection c, Dialect dialect, int version) throws SQLException {
        String name = MIGRATIONS.get(version - 1);
        if (!name.startsWith("V" + version + "__")) {
            throw new IllegalStateException("migration " + name + " is listed as version " + version);
        }
        List<String> statements = statements(read(dialect.migration(name)));
        dialect.begin(c);
        try {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, name);
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
            }
            dialect.commit(c);
        } catch (SQLException | RuntimeException e) {
            try {
                dialect.rollback(c);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }

    /**
     * The statements of a migration: split after each {@code ;} that ends a line, {@code --}
     * comment lines dropped. Migrations are written to that rule (no {@code ;} ending a line
     * inside a statement).
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
