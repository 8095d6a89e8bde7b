package dev.mucengine.server;

import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.store.sql.SqlRoomStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a host keeps rooms and archives: in memory (lost at exit), in a SQLite file in a
 * directory ({@code --data DIR}), or in PostgreSQL ({@code --database URL}).
 */
public sealed interface StoreLocation {

    /** The SQLite file's name in a {@code --data} directory. */
    String SQLITE_FILE = "muc.db";

    /**
     * Opens the store, creating what is missing (the directory, the file, the schema).
     *
     * @return the store; close it (if {@link AutoCloseable}) after the engine has stopped
     * @throws StoreUnavailableException if it cannot be opened
     */
    RoomStore open();

    /** Nothing survives the process. */
    record InMemory() implements StoreLocation {
        @Override
        public RoomStore open() {
            return new InMemoryRoomStore();
        }
    }

    /**
     * A SQLite file, {@value #SQLITE_FILE}, in {@code directory} (created if missing).
     *
     * @param directory the data directory
     */
    record Directory(Path directory) implements StoreLocation {
        public Directory {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public RoomStore open() {
            return SqlRoomStore.sqlite(directory.resolve(SQLITE_FILE));
        }
    }

    /**
     * A PostgreSQL database; credentials in the URL or in {@code PGUSER}/{@code PGPASSWORD}.
     *
     * @param url a {@code jdbc:postgresql://} URL; never printed whole
     */
    record Database(String url) implements StoreLocation {
        public Database {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public RoomStore open() {
            return SqlRoomStore.postgresql(url);
        }

        @Override
        public String toString() {
            return "Database[url not shown: it may hold credentials]";
        }
    }

    /**
     * The line a host prints at start about an opened store: where state is kept, or that it
     * will not survive a restart.
     *
     * @param store a store this interface opened
     * @return the line
     */
    static String describe(RoomStore store) {
        if (store instanceof SqlRoomStore sql) {
            return "rooms and messages are stored in " + sql.location();
        }
        return "state is in memory: rooms and messages will not survive a restart (use --data DIR or --database URL)";
    }
}
