package dev.mucengine.store.sql.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One throwaway PostgreSQL server per test class, behind the project's gate
 * ({@link PostgresServer#startForTests()}): register it as a static field with
 * {@code @RegisterExtension}, and {@link #server()} in a test skips the test, with the reason,
 * where PostgreSQL is neither installed nor required.
 */
public final class PostgresServers implements BeforeAllCallback, AfterAllCallback {

    private @Nullable PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = PostgresServer.startForTests().orElse(null);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The class's server; skips the calling test if there is none. */
    public PostgresServer server() {
        PostgresServer s = server;
        assumeTrue(s != null, PostgresServer.skipReason());
        return s;
    }

    /**
     * A new schema on the class's server, for one test; skips the calling test if there is no server.
     *
     * @return the schema's JDBC URL, with credentials
     */
    public String newSchema() {
        PostgresServer s = server();
        try {
            return s.newSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema: " + s.log(), e);
        }
    }
}
