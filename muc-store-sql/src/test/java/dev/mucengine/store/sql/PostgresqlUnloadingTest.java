package dev.mucengine.store.sql;

import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.store.sql.testing.PostgresServers;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unloading over a real PostgreSQL: one server for the class, a new schema per test; a restart
 * closes the store and connects again. Gated by {@link PostgresServer#startForTests()}.
 */
class PostgresqlUnloadingTest extends UnloadingContract {

    @RegisterExtension
    static final PostgresServers POSTGRES = new PostgresServers();

    private String url;

    @Override
    protected SqlRoomStore openStore() {
        PostgresServer server = POSTGRES.server();
        try {
            url = server.newSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema: " + server.log(), e);
        }
        return SqlRoomStore.postgresql(url);
    }

    @Override
    protected SqlRoomStore reopen(SqlRoomStore store) {
        store.close();
        return SqlRoomStore.postgresql(url);
    }
}
