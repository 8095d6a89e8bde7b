package dev.mucengine.store.sql;

import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.store.sql.testing.PostgresServers;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unloading over a real PostgreSQL: one server for the class, a new schema per test; a restart
 * connects to it again. Gated by {@link PostgresServer#startForTests()}.
 */
class PostgresqlUnloadingTest extends UnloadingContract {

    @RegisterExtension
    static final PostgresServers POSTGRES = new PostgresServers();

    @Override
    protected Supplier<SqlRoomStore> newDatabase() {
        String url = POSTGRES.newSchema();
        return () -> SqlRoomStore.postgresql(url);
    }
}
