package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code <x xmlns='http://jabber.org/protocol/muc'/>} in presence: a join request (XEP-0045
 * §7.2.1, §19.1), with the room password and the history wanted.
 */
public record MucJoin(Optional<String> password, HistoryRequest history) {

    public MucJoin {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(history, "history");
    }
}
