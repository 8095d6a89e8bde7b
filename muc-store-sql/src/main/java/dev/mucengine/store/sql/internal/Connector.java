package dev.mucengine.store.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to one database, set up for the store. */
public interface Connector {

    /**
     * A new connection, its session settings applied, in auto-commit mode.
     *
     * @return the connection
     * @throws SQLException if the database cannot be reached or set up
     */
    Connection open() throws SQLException;

    /**
     * The database's kind.
     *
     * @return the dialect
     */
    Dialect dialect();

    /**
     * The database as operators may read it in logs: no credentials.
     *
     * @return a description such as {@code jdbc:postgresql://db:5432/muc}
     */
    String target();
}
