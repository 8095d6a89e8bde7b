package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * {@code <destroy/>}: an owner's request to destroy a room (muc#owner, XEP-0045 §10.9) and the
 * notice occupants then receive (muc#user).
 *
 * @param alternate a room that replaces this one
 * @param reason why the room is destroyed
 * @param password the alternate room's password
 */
public record Destroy(Optional<Jid> alternate, Optional<String> reason, Optional<String> password) {

    /** Destruction with no alternate venue and no reason. */
    public static final Destroy PLAIN = new Destroy(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks the destruction.
     *
     * @param alternate a room that replaces this one, if any
     * @param reason why, if a reason is given
     * @param password the alternate room's password, if any
     * @throws NullPointerException if an argument is null
     */
    public Destroy {
        Objects.requireNonNull(alternate, "alternate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(password, "password");
    }
}
