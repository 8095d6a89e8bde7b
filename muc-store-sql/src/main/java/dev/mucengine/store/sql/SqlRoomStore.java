package dev.mucengine.store.sql;

import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.store.sql.internal.ArchiveReader;
import dev.mucengine.store.sql.internal.ChangeWriter;
import dev.mucengine.store.sql.internal.Connector;
import dev.mucengine.store.sql.internal.Database;
import dev.mucengine.store.sql.internal.PostgresqlConnector;
import dev.mucengine.store.sql.internal.RoomReader;
import dev.mucengine.store.sql.internal.SchemaMigrations;
import dev.mucengine.store.sql.internal.SqliteConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * A {@link RoomStore} on a SQL database: a SQLite file ({@link #sqlite(Path)}) or PostgreSQL
 * ({@link #postgresql(String)}). Opening brings the database's schema up to date; a database
 * written by a newer version is refused.
 *
 * <p>Each {@link #apply} is one transaction, committed before it returns: a host that batches
 * the changes of several inputs (group commit) passes them in one call. SQLite runs with a
 * write-ahead log and {@code synchronous=FULL}, so a commit survives a power loss.
 *
 * <p>Faults: every method throws {@link StoreUnavailableException} when the database fails (the
 * message names it without credentials); a failed {@code apply} commits nothing. The store
 * recovers by itself: after a failure, the next call checks its connection and reconnects if it
 * no longer works. Calls are serialized, so the store may be shared between threads. Close it
 * when done.
 */
public final class SqlRoomStore implements RoomStore, AutoCloseable {

    private final Database database;

    private SqlRoomStore(Database database) {
        this.database = database;
    }

    /**
     * A store in a SQLite file, with the default options; the file and its directories are created
     * if missing.
     *
     * @param file the database file
     * @return the open store
     * @throws StoreUnavailableException if the file cannot be created, opened or migrated, or was
     *     written by a newer version
     */
    public static SqlRoomStore sqlite(Path file) {
        return sqlite(file, SqliteOptions.defaults());
    }

    /**
     * A store in a SQLite file; the file and its directories are created if missing, the file
     * readable and writable by its owner only (it holds room passwords).
     *
     * @param file the database file
     * @param options how to use it
     * @return the open store
     * @throws StoreUnavailableException if the file cannot be created, opened or migrated, or was
     *     written by a newer version
     */
    public static SqlRoomStore sqlite(Path file, SqliteOptions options) {
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.notExists(absolute) && absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // Owner only: the file holds room passwords. SQLite gives its -wal and -shm files the same mode.
                Files.createFile(absolute,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create " + absolute + ": " + e, e);
        }
        return open(new SqliteConnector(absolute, options.busyTimeout()));
    }

    /**
     * A store in a PostgreSQL database, which must exist. Credentials come from the URL
     * ({@code ?user=...&password=...}) or, when it names none, from the environment variables
     * {@code PGUSER} and {@code PGPASSWORD} (or the driver's {@code ~/.pgpass}). Exception
     * messages name the database without the URL's parameters or credentials.
     *
     * @param jdbcUrl a URL such as {@code jdbc:postgresql://db.example:5432/muc}
     * @return the open store
     * @throws IllegalArgumentException if the URL is not a {@code jdbc:postgresql:} URL
     * @throws StoreUnavailableException if the database cannot be reached or migrated, or was
     *     written by a newer version
     */
    public static SqlRoomStore postgresql(String jdbcUrl) {
        return postgresql(jdbcUrl, System.getenv());
    }

    /** {@link #postgresql(String)} reading credentials from the given environment, for tests. */
    static SqlRoomStore postgresql(String jdbcUrl, Map<String, String> environment) {
        return open(new PostgresqlConnector(jdbcUrl, environment));
    }

    private static SqlRoomStore open(Connector connector) {
        Database database = new Database(connector);
        try {
            database.run("migrating the schema", c -> {
                SchemaMigrations.migrate(c, database);
                return null;
            });
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new SqlRoomStore(database);
    }

    @Override
    public List<DirectoryEntry> directory() {
        return database.run("reading the directory", RoomReader::directory);
    }

    @Override
    public Optional<String> serviceSecret() {
        return database.run("reading the service secret", RoomReader::serviceSecret);
    }

    @Override
    public Optional<RoomRecord> load(EntityBareJid room) {
        return database.run("loading " + room, c -> RoomReader.load(c, room));
    }

    @Override
    public Optional<ArchivePage> queryArchive(EntityBareJid room, ArchiveQuery query) {
        return database.run("querying the archive of " + room, c -> ArchiveReader.query(c, room, query));
    }

    /**
     * Makes the changes durable in one transaction, in order.
     *
     * @param changes the changes; all of them are committed, or none
     * @throws StoreUnavailableException if the transaction failed; nothing of it was committed
     */
    @Override
    public void apply(List<DurableChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        database.transaction("applying " + changes.size() + " changes", c -> ChangeWriter.write(c, changes));
    }

    /** Closes the connection. Calls after this fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        database.close();
    }

    /**
     * Where the store keeps its data, for an operator's log: {@code SQLite /path/to/file} or the
     * PostgreSQL URL without its parameters and credentials.
     *
     * @return the location
     */
    public String location() {
        return database.target();
    }

    @Override
    public String toString() {
        return "SqlRoomStore[" + database.target() + "]";
    }
}
