package dev.mucengine.store.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SqlRoomStore} uses a SQLite file.
 *
 * @param busyTimeout how long a read or write waits for a lock held by another connection to the
 *     file (another process, a backup) before the call fails with
 *     {@link dev.mucengine.core.store.StoreUnavailableException}
 */
public record SqliteOptions(Duration busyTimeout) {

    /** The default busy timeout: 5 seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Checks the options.
     *
     * @param busyTimeout how long to wait for another connection's lock
     * @throws IllegalArgumentException if the timeout is negative or longer than
     *     {@link Integer#MAX_VALUE} milliseconds
     */
    public SqliteOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
        }
    }

    /**
     * The defaults: a busy timeout of 5 seconds.
     *
     * @return the default options
     */
    public static SqliteOptions defaults() {
        return new SqliteOptions(DEFAULT_BUSY_TIMEOUT);
    }
}
