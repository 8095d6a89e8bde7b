package dev.mucengine.core.room;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.stanza.Presence;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One occupant: the session that entered, its nickname, its role, and the last available presence
 * it sent (re-broadcast to others with the MUC payload replaced).
 *
 * @param nick the nickname, as prepared by {@link dev.mucengine.core.muc.Nicknames}; unique in the room
 * @param realJid the session's full JID; unique in the room
 * @param role the occupant's current role
 * @param presence the last available presence the session sent to the room; a room keeps only its
 *     type and the payload it re-broadcasts (not its addresses, id or MUC elements)
 * @param joinSequence increasing per room; orders occupants the way they joined
 */
public record Occupant(Resourcepart nick, EntityFullJid realJid, Role role, Presence presence, long joinSequence) {

    /**
     * This occupant with another role.
     *
     * @param newRole the role
     * @return a copy with {@code newRole}
     */
    public Occupant withRole(Role newRole) {
        return new Occupant(nick, realJid, newRole, presence, joinSequence);
    }

    /**
     * This occupant under another nickname; its place in the join order is kept.
     *
     * @param newNick the prepared nickname
     * @return a copy with {@code newNick}
     */
    public Occupant withNick(Resourcepart newNick) {
        return new Occupant(newNick, realJid, role, presence, joinSequence);
    }

    /**
     * This occupant with a newer presence.
     *
     * @param newPresence the presence it sent last
     * @return a copy with {@code newPresence}
     */
    public Occupant withPresence(Presence newPresence) {
        return new Occupant(nick, realJid, role, newPresence, joinSequence);
    }
}
