package dev.mucengine.store.sql;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/** Unloading over a SQLite file; a restart opens the file again. */
class SqliteUnloadingTest extends UnloadingContract {

    @TempDir
    Path dir;

    @Override
    protected Supplier<SqlRoomStore> newDatabase() {
        return () -> SqlRoomStore.sqlite(dir.resolve("rooms.db"));
    }
}
