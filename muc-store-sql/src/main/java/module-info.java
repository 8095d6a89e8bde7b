/**
 * A {@link dev.mucengine.core.store.RoomStore} on SQL: SQLite (one file) or PostgreSQL, through
 * plain JDBC. Only {@code dev.mucengine.store.sql} is exported; the rest is the implementation.
 */
module dev.mucengine.store.sql {
    requires transitive dev.mucengine.core;
    requires java.sql;
    requires java.xml;
    // The drivers are used directly (not looked up through DriverManager), so they are required.
    requires org.xerial.sqlitejdbc;
    requires org.postgresql.jdbc;
    requires static org.jspecify;

    exports dev.mucengine.store.sql;
}
