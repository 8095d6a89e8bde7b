package dev.mucengine.core.room;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.xml.Element;
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

    /**
     * The room's address, {@code room@service}.
     *
     * @return the room's bare JID
     */
    EntityBareJid jid();

    /**
     * The room's current configuration.
     *
     * @return the configuration
     */
    RoomConfig config();

    /**
     * True while a new room awaits its initial configuration (XEP-0045 §10.1.1): only owners may
     * enter it, and the service does not list it.
     *
     * @return whether the room is locked
     */
    boolean locked();

    /**
     * The affiliation of a user (any JID of theirs); an entry for a server JID covers every user
     * of that server that has no entry of their own.
     *
     * @param anyJid a full, bare or server JID
     * @return the affiliation; {@link Affiliation#NONE} if neither the user nor its server has an entry
     */
    Affiliation affiliation(Jid anyJid);

    /**
     * The entry of a bare (or server) JID, if it has one. Unlike {@link #affiliation(Jid)}, a server's
     * entry does not stand in for its users'.
     *
     * @param bareJid the JID whose own entry is wanted; a full JID is reduced to its bare JID
     * @return the entry, or empty
     */
    Optional<AffiliationEntry> affiliationEntry(Jid bareJid);

    /**
     * Every affiliation entry, in the order they were set.
     *
     * @return a read-only view of the entries
     */
    Collection<AffiliationEntry> affiliations();

    /**
     * Every entry with this affiliation, in the order they were set.
     *
     * @param affiliation the affiliation to list
     * @return the entries; empty for {@link Affiliation#NONE}, which has no entries
     */
    List<AffiliationEntry> withAffiliation(Affiliation affiliation);

    /**
     * The bare JID that reserved this nickname (XEP-0045 §7.10), if any.
     *
     * @param nick a prepared nickname
     * @return the bare (or server) JID whose entry reserves {@code nick}, or empty
     */
    Optional<Jid> reservedBy(Resourcepart nick);

    /**
     * The nickname a user reserved, if any (XEP-0045 §7.12).
     *
     * @param anyJid any JID of the user
     * @return the nickname its own entry reserves, or empty
     */
    Optional<Resourcepart> reservedNick(Jid anyJid);

    /**
     * Every session in the room, in the order they entered (a nickname change keeps the place).
     * One user in the room from several clients under one nickname is one occupant with several
     * sessions (XEP-0045 §7.2.8): each is listed, sharing nickname, role and join sequence.
     *
     * @return a read-only view of the sessions
     */
    Collection<Occupant> occupants();

    /**
     * How many occupants the room has.
     *
     * @return the number of occupants
     */
    int occupantCount();

    /**
     * The occupant using this nickname, as others see it: its most available session.
     *
     * @param nick a prepared nickname
     * @return the occupant, or empty
     */
    Optional<Occupant> occupant(Resourcepart nick);

    /**
     * The sessions of the occupant using this nickname, in the order they entered.
     *
     * @param nick a prepared nickname
     * @return the sessions, empty if nobody uses the nickname
     */
    List<Occupant> sessions(Resourcepart nick);

    /**
     * The occupant whose session this is; only a full JID can be one.
     *
     * @param realJid the session's full JID
     * @return the occupant, or empty (always for a bare JID)
     */
    Optional<Occupant> occupantByRealJid(Jid realJid);

    /**
     * The message that set the current subject, as it was broadcast.
     *
     * @return the message, or empty if no subject was ever set
     */
    Optional<Message> subject();

    /**
     * The room's vCard (XEP-0054), which carries its avatar (XEP-0486), as an owner set it.
     *
     * @return the {@code <vCard xmlns='vcard-temp'/>} element, or empty if none is set
     */
    Optional<Element> vcard();

    /**
     * The occupant JID {@code room@service/nick}.
     *
     * @param nick a prepared nickname; no occupant need have it
     * @return the occupant JID
     */
    EntityFullJid occupantJid(Resourcepart nick);

    /**
     * The room's anonymous id of a user (XEP-0421 §4): the same for every JID of the user (its
     * bare JID counts) in this room, whatever the nickname, across rejoins and restarts; another
     * one in every other room; derived with the service's secret, so it reveals nothing of the JID.
     *
     * @param user any JID of the user
     * @return the id, 43 characters of base64url
     */
    String occupantId(Jid user);

    /**
     * Whether {@code viewer} may see occupants' real JIDs: everyone in a non-anonymous room,
     * moderators in a semi-anonymous one (XEP-0045 §7.2.3, §7.2.4). Every place that shows or
     * hides a real JID asks this.
     *
     * @param viewer the occupant who would see the JIDs
     * @return whether real JIDs are shown to {@code viewer}
     */
    default boolean seesRealJids(Occupant viewer) {
        return config().nonAnonymous() || viewer.role() == Role.MODERATOR;
    }

    /**
     * Whether {@code nick} is reserved by a user other than {@code user} (any JID of theirs): such
     * a nickname is refused to them at entry, on a nickname change, at registration and in an
     * admin's reservation (XEP-0045 §7.2.8, §7.10, §9.3).
     *
     * @param nick a prepared nickname
     * @param user any JID of the user asking for it
     * @return true if someone else reserved {@code nick}
     */
    default boolean reservedByOther(Resourcepart nick, Jid user) {
        Optional<Jid> holder = reservedBy(nick);
        return holder.isPresent() && !holder.get().equals(user.asBareJid());
    }
}
