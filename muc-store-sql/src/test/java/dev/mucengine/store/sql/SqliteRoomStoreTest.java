package dev.mucengine.store.sql;

import dev.mucengine.core.store.RoomStore;
import dev.mucengine.testkit.store.RoomStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against a SQLite file; reopening closes the store and opens the file again. */
class SqliteRoomStoreTest extends RoomStoreContract {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("muc").resolve("rooms.db");
    }

    @Override
    protected RoomStore openStore() {
        return SqlRoomStore.sqlite(file());
    }

    @Override
    protected RoomStore reopen(RoomStore store) {
        ((SqlRoomStore) store).close();
        return SqlRoomStore.sqlite(file());
    }
}
