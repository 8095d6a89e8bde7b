package dev.mucengine.store.sql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mucengine.core.store.RoomStore;
import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.testkit.store.RoomStoreContract;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract against a real PostgreSQL: one server for the class, a new schema per test.
 * Gated by {@link PostgresServer#startForTests()}: skipped (with the reason) only when PostgreSQL is
 * not installed and not required.
 */
class PostgresqlRoomStoreTest extends RoomStoreContract {

    private static PostgresServer server;
    private String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.startForTests().orElse(null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected RoomStore openStore() {
        assumeTrue(server != null, PostgresServer.skipReason());
        try {
            url = server.newSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema: " + server.log(), e);
        }
        return SqlRoomStore.postgresql(url);
    }

    @Override
    protected RoomStore reopen(RoomStore store) {
        ((SqlRoomStore) store).close();
        return SqlRoomStore.postgresql(url);
    }
}
