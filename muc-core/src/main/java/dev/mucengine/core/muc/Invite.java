package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * {@code <invite/>} of a mediated invitation (XEP-0045 §7.8.2): {@code to} from the inviter to
 * the room, {@code from} from the room to the invitee.
 *
 * @param from the inviter, on the invitation the room relays to the invitee
 * @param to the invitee, on the invitation the inviter sends to the room
 * @param reason the reason; the room relays it always, empty when the inviter gave none
 */
public record Invite(Optional<Jid> from, Optional<Jid> to, Optional<String> reason) {

    /**
     * Checks the invitation.
     *
     * @param from the inviter, when the room relays it
     * @param to the invitee, when the inviter sends it
     * @param reason the reason, if any
     * @throws NullPointerException if an argument is null
     */
    public Invite {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
