package dev.mucengine.store.sql;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Unloading over a SQLite file; a restart closes the store and opens the file again. */
class SqliteUnloadingTest extends UnloadingContract {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("rooms.db");
    }

    @Override
    protected SqlRoomStore openStore() {
        return SqlRoomStore.sqlite(file());
    }

    @Override
    protected SqlRoomStore reopen(SqlRoomStore store) {
        store.close();
        return SqlRoomStore.sqlite(file());
    }
}
