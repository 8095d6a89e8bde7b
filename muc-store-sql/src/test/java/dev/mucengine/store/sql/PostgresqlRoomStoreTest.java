package dev.mucengine.store.sql;


import dev.mucengine.core.store.RoomStore;
import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.store.sql.testing.PostgresServers;
import dev.mucengine.testkit.store.RoomStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract against a real PostgreSQL: one server for the class, a new schema per test.
 * Gated by {@link PostgresServer#startForTests()}: skipped (with the reason) only when PostgreSQL is
 * not installed and not required.
 */
class PostgresqlRoomStoreTest extends RoomStoreContract {

    @RegisterExtension
    static final PostgresServers POSTGRES = new PostgresServers();

    private String url;

    @Override
    protected RoomStore openStore() {
        url = POSTGRES.newSchema();
        return SqlRoomStore.postgresql(url);
    }

    @Override
    protected RoomStore reopen(RoomStore store) {
        ((SqlRoomStore) store).close();
        return SqlRoomStore.postgresql(url);
    }
}
