package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * {@code <actor/>} in a muc#user or muc#admin item: who made a change (XEP-0045 §9.1).
 *
 * @param nick the actor's nickname in the room
 * @param jid the actor's real JID, only for recipients who may see it
 */
public record Actor(Optional<String> nick, Optional<Jid> jid) {

    /**
     * Checks the actor.
     *
     * @param nick the actor's nickname in the room
     * @param jid the actor's real JID
     * @throws NullPointerException if an argument is null
     */
    public Actor {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(jid, "jid");
    }
}
