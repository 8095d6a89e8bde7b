package dev.mucengine.store.sql.internal;

import dev.mucengine.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The store's one connection: opened on first use, checked after a failure and replaced when it
 * no longer works, so the store recovers by itself once the database is back. Every SQL fault
 * leaves as a {@link StoreUnavailableException} naming the database without credentials. Calls
 * are serialized: the store may be shared between threads.
 */
public final class Database implements AutoCloseable {

    /** Seconds {@link Connection#isValid} may take to tell whether a suspect connection still works. */
    private static final int VALIDATION_SECONDS = 5;

    private final Connector connector;
    private @Nullable Connection connection;
    private boolean suspect;
    private boolean closed;

    /**
     * A database, not yet connected.
     *
     * @param connector how to connect
     */
    public Database(Connector connector) {
        this.connector = connector;
    }

    /** Work done on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param c the connection
         * @return the result
         * @throws SQLException on a database fault
         */
        T run(Connection c) throws SQLException;
    }

    /** Writes done in a transaction. */
    @FunctionalInterface
    public interface Writes {
        /**
         * Does the writes.
         *
         * @param c the connection, in a transaction
         * @throws SQLException on a database fault
         */
        void run(Connection c) throws SQLException;
    }

    /**
     * The database's kind.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return connector.dialect();
    }

    /**
     * The database, for messages: no credentials.
     *
     * @return the description
     */
    public String target() {
        return connector.target();
    }

    /**
     * Runs work outside a transaction (each statement on its own).
     *
     * @param what what the work does, for the error message
     * @param work the work
     * @param <T> its result's type
     * @return its result
     * @throws StoreUnavailableException if the database cannot be reached or fails
     */
    public synchronized <T> T run(String what, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            Connection c = connection();
            try {
                return work.run(c);
            } catch (SQLException e) {
                if (attempt == 1 && replacedBroken(c)) {
                    continue;
                }
                suspect = true;
                throw fault(what, e);
            }
        }
    }

    /**
     * Runs writes in one transaction: all of them are committed, or none.
     *
     * @param what what the writes do, for the error message
     * @param writes the writes
     * @throws StoreUnavailableException if the database cannot be reached or fails; nothing was committed
     */
    public synchronized void transaction(String what, Writes writes) {
        for (int attempt = 1;; attempt++) {
            Connection c = connection();
            try {
                connector.dialect().begin(c);
                writes.run(c);
                connector.dialect().commit(c);
                return;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                if (!(e instanceof SQLException s)) {
                    throw (RuntimeException) e;
                }
                if (attempt == 1 && replacedBroken(c)) {
                    continue;
                }
                suspect = true;
                throw fault(what, s);
            }
        }
    }

    /**
     * After a failure on {@code c}: if the connection itself is gone (the server restarted, the
     * network dropped), forgets it and returns true, so the call is tried once more on a new one.
     * A database that is still down then fails that attempt to connect; a live one answers, and
     * the outage costs no request. Nothing was committed on the broken connection (a transaction
     * is all or nothing), so trying again writes the batch once.
     */
    private boolean replacedBroken(Connection c) {
        if (stillWorks(c)) {
            return false;
        }
        closeQuietly(c);
        connection = null;
        return true;
    }

    /** Closes the connection; later calls fail with {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        closed = true;
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing: nothing is left to do about it.
            }
        }
    }

    private Connection connection() {
        if (closed) {
            throw new IllegalStateException("the store on " + target() + " is closed");
        }
        Connection c = connection;
        if (c != null && suspect && !stillWorks(c)) {
            closeQuietly(c);
            c = null;
        }
        if (c == null) {
            try {
                c = connector.open();
            } catch (SQLException e) {
                connection = null;
                throw new StoreUnavailableException("cannot connect to " + target() + ": " + e.getMessage(), e);
            }
        }
        connection = c;
        suspect = false;
        return c;
    }

    private static boolean stillWorks(Connection c) {
        try {
            return c.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void rollback(Connection c, Exception cause) {
        try {
            connector.dialect().rollback(c);
        } catch (SQLException e) {
            // The connection is likely gone, and its transaction with it; the next call checks it.
            suspect = true;
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // It no longer worked anyway.
        }
    }

    private StoreUnavailableException fault(String what, SQLException e) {
        return new StoreUnavailableException(what + " failed on " + target() + ": " + e.getMessage(), e);
    }
}
