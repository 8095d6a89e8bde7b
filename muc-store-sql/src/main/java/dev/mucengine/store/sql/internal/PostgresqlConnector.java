package dev.mucengine.store.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Connections to a PostgreSQL database, with the server's defaults. Credentials come from the URL
 * or, when it has none, from {@code PGUSER} and {@code PGPASSWORD} (the driver itself also reads
 * {@code ~/.pgpass}); the URL's own parameters win.
 */
public final class PostgresqlConnector implements Connector {

    private final String url;
    private final Properties properties = new Properties();

    /**
     * A connector.
     *
     * @param url a {@code jdbc:postgresql:} URL
     * @param environment the environment variables to read credentials from
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     */
    public PostgresqlConnector(String url, Map<String, String> environment) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a jdbc:postgresql: URL: " + RedactedUrl.of(url));
        }
        this.url = url;
        String user = environment.get("PGUSER");
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        String password = environment.get("PGPASSWORD");
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "muc-store-sql");
    }

    @Override
    public Connection open() throws SQLException {
        // The driver itself, not DriverManager: works the same on the module path and in any class loader.
        Connection c = new Driver().connect(url, properties);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + target());
        }
        return c;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String target() {
        return RedactedUrl.of(url);
    }
}
