package dev.mucengine.core.store;

/**
 * A {@link RoomStore} could not read or write: its database is unreachable, its disk full, its
 * file read-only. Thrown by a store's methods; a write that throws made nothing of its batch
 * durable (one transaction), so the host withholds what would have acknowledged it. The message
 * says what happened for the operator's log; it is never shown to XMPP users, whose requests get
 * {@code resource-constraint} (type {@code wait}) instead.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A store fault.
     *
     * @param message what failed, for the operator (no credentials)
     * @param cause the driver's exception, if any
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A store fault without an underlying exception.
     *
     * @param message what failed, for the operator
     */
    public StoreUnavailableException(String message) {
        super(message);
    }
}
