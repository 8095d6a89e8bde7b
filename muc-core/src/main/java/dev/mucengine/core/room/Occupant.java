package dev.mucengine.core.room;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.stanza.Presence;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One occupant: the session that entered, its nickname, its role, and the last available presence
 * it sent (re-broadcast to others with the MUC payload replaced).
 *
 * @param joinSequence increasing per room; orders occupants the way they joined
 */
public record Occupant(Resourcepart nick, EntityFullJid realJid, Role role, Presence presence, long joinSequence) {

    public Occupant withRole(Role newRole) {
        return new Occupant(nick, realJid, newRole, presence, joinSequence);
    }

    public Occupant withNick(Resourcepart newNick) {
        return new Occupant(newNick, realJid, role, presence, joinSequence);
    }

    public Occupant withPresence(Presence newPresence) {
        return new Occupant(nick, realJid, role, newPresence, joinSequence);
    }
}
