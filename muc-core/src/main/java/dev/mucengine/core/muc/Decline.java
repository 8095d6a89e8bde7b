package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * {@code <decline/>} of a mediated invitation (XEP-0045 §7.8.2): {@code to} from the invitee to
 * the room, {@code from} from the room to the inviter.
 *
 * @param from the invitee, on the decline the room relays to the inviter
 * @param to the inviter, on the decline the invitee sends to the room
 * @param reason the invitee's reason, if it gave one
 */
public record Decline(Optional<Jid> from, Optional<Jid> to, Optional<String> reason) {

    /**
     * Checks the decline.
     *
     * @param from the invitee, when the room relays it
     * @param to the inviter, when the invitee sends it
     * @param reason the reason, if any
     * @throws NullPointerException if an argument is null
     */
    public Decline {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
