package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code <x xmlns='http://jabber.org/protocol/muc'/>} in presence: a join request (XEP-0045
 * §7.2.1, §19.1), with the room password and the history wanted.
 *
 * @param password the password given to enter, if any (§7.2.5)
 * @param history how much discussion history the user wants
 */
public record MucJoin(Optional<String> password, HistoryRequest history) {

    /**
     * Checks the request.
     *
     * @param password the password, if any
     * @param history the history wanted
     * @throws NullPointerException if an argument is null
     */
    public MucJoin {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(history, "history");
    }
}
