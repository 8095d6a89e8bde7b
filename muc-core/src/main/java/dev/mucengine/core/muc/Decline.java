package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * {@code <decline/>} of a mediated invitation (XEP-0045 §7.8.2): {@code to} from the invitee to
 * the room, {@code from} from the room to the inviter.
 */
public record Decline(Optional<Jid> from, Optional<Jid> to, Optional<String> reason) {

    public Decline {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
