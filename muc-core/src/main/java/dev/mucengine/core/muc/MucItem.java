package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * {@code <item/>} of the muc#user and muc#admin namespaces (XEP-0045 §19.2, §19.3): the same
 * attributes and children in both. Absent attributes are empty. The nickname is kept as sent:
 * whether it is a valid nickname is for {@link Nicknames} to say where one is needed.
 */
public record MucItem(Optional<Affiliation> affiliation, Optional<Role> role, Optional<Jid> jid,
        Optional<String> nick, Optional<Actor> actor, Optional<String> reason) {

    /** An item with nothing set. */
    public static final MucItem EMPTY = new MucItem(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public MucItem {
        Objects.requireNonNull(affiliation, "affiliation");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    public MucItem withAffiliation(Affiliation value) {
        return new MucItem(Optional.of(value), role, jid, nick, actor, reason);
    }

    public MucItem withRole(Role value) {
        return new MucItem(affiliation, Optional.of(value), jid, nick, actor, reason);
    }

    public MucItem withJid(Jid value) {
        return new MucItem(affiliation, role, Optional.of(value), nick, actor, reason);
    }

    public MucItem withNick(String value) {
        return new MucItem(affiliation, role, jid, Optional.of(value), actor, reason);
    }

    public MucItem withActor(Actor value) {
        return new MucItem(affiliation, role, jid, nick, Optional.of(value), reason);
    }

    public MucItem withReason(String value) {
        return new MucItem(affiliation, role, jid, nick, actor, Optional.of(value));
    }
}
