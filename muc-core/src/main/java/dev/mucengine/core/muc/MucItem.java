package dev.mucengine.core.muc;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * {@code <item/>} of the muc#user and muc#admin namespaces (XEP-0045 §19.2, §19.3): the same
 * attributes and children in both. Absent attributes are empty. The nickname is kept as sent:
 * whether it is a valid nickname is for {@link Nicknames} to say where one is needed.
 *
 * @param affiliation the {@code affiliation} attribute
 * @param role the {@code role} attribute
 * @param jid the {@code jid} attribute: a real JID
 * @param nick the {@code nick} attribute, as sent
 * @param actor the {@code <actor/>} child: who made the change
 * @param reason the text of the {@code <reason/>} child
 */
public record MucItem(Optional<Affiliation> affiliation, Optional<Role> role, Optional<Jid> jid,
        Optional<String> nick, Optional<Actor> actor, Optional<String> reason) {

    /** An item with nothing set. */
    public static final MucItem EMPTY = new MucItem(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks the item.
     *
     * @param affiliation the affiliation, if any
     * @param role the role, if any
     * @param jid the real JID, if any
     * @param nick the nickname, if any
     * @param actor the actor, if any
     * @param reason the reason, if any
     * @throws NullPointerException if an argument is null
     */
    public MucItem {
        Objects.requireNonNull(affiliation, "affiliation");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * This item with the affiliation set.
     *
     * @param value the affiliation
     * @return a copy with {@code value}
     */
    public MucItem withAffiliation(Affiliation value) {
        return new MucItem(Optional.of(value), role, jid, nick, actor, reason);
    }

    /**
     * This item with the role set.
     *
     * @param value the role
     * @return a copy with {@code value}
     */
    public MucItem withRole(Role value) {
        return new MucItem(affiliation, Optional.of(value), jid, nick, actor, reason);
    }

    /**
     * This item with the real JID set.
     *
     * @param value the real JID
     * @return a copy with {@code value}
     */
    public MucItem withJid(Jid value) {
        return new MucItem(affiliation, role, Optional.of(value), nick, actor, reason);
    }

    /**
     * This item with the nickname set.
     *
     * @param value the nickname
     * @return a copy with {@code value}
     */
    public MucItem withNick(String value) {
        return new MucItem(affiliation, role, jid, Optional.of(value), actor, reason);
    }

    /**
     * This item with the actor set.
     *
     * @param value the actor
     * @return a copy with {@code value}
     */
    public MucItem withActor(Actor value) {
        return new MucItem(affiliation, role, jid, nick, Optional.of(value), reason);
    }

    /**
     * This item with the reason set.
     *
     * @param value the reason
     * @return a copy with {@code value}
     */
    public MucItem withReason(String value) {
        return new MucItem(affiliation, role, jid, nick, actor, Optional.of(value));
    }
}
