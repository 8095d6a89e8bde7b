package dev.mucengine.core.room;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.stanza.Message;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room as room modules see it: its current state, read only. Every lookup is O(1) except the
 * ones that return lists.
 */
public interface RoomView {

    /** The room's address, {@code room@service}. */
    EntityBareJid jid();

    RoomConfig config();

    /** True while a new room awaits its initial configuration (XEP-0045 §10.1.1). */
    boolean locked();

    /**
     * The affiliation of a user (any JID of theirs); an entry for a server JID covers every user
     * of that server that has no entry of their own.
     */
    Affiliation affiliation(Jid anyJid);

    /** The entry of a bare (or server) JID, if it has one. */
    Optional<AffiliationEntry> affiliationEntry(Jid bareJid);

    /** Every affiliation entry, in the order they were set. */
    Collection<AffiliationEntry> affiliations();

    /** Every entry with this affiliation, in the order they were set. */
    List<AffiliationEntry> withAffiliation(Affiliation affiliation);

    /** The bare JID that reserved this nickname (XEP-0045 §7.10), if any. */
    Optional<Jid> reservedBy(Resourcepart nick);

    /** The nickname a user reserved, if any. */
    Optional<Resourcepart> reservedNick(Jid anyJid);

    /** The occupants, in the order they entered (a nickname change keeps the place). */
    Collection<Occupant> occupants();

    int occupantCount();

    /** The occupant using this nickname. */
    Optional<Occupant> occupant(Resourcepart nick);

    /** The occupant whose session this is; only a full JID can be one. */
    Optional<Occupant> occupantByRealJid(Jid realJid);

    /** The message that set the current subject, as it was broadcast. */
    Optional<Message> subject();

    /** The occupant JID {@code room@service/nick}. */
    EntityFullJid occupantJid(Resourcepart nick);

    /**
     * Whether {@code viewer} may see occupants' real JIDs: everyone in a non-anonymous room,
     * moderators in a semi-anonymous one (XEP-0045 §7.2.3, §7.2.4). Every place that shows or
     * hides a real JID asks this.
     */
    default boolean seesRealJids(Occupant viewer) {
        return config().nonAnonymous() || viewer.role() == Role.MODERATOR;
    }

    /**
     * Whether {@code nick} is reserved by a user other than {@code user} (any JID of theirs): such
     * a nickname is refused to them at entry, on a nickname change, at registration and in an
     * admin's reservation (XEP-0045 §7.2.8, §7.10, §9.3).
     */
    default boolean reservedByOther(Resourcepart nick, Jid user) {
        Optional<Jid> holder = reservedBy(nick);
        return holder.isPresent() && !holder.get().equals(user.asBareJid());
    }
}
