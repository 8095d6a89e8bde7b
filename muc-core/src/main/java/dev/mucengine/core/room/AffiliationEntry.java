package dev.mucengine.core.room;

import dev.mucengine.core.muc.Affiliation;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A long-lived affiliation of a bare JID (or a server JID) with a room, with the nickname it
 * reserved and the reason given when it was set (kept for ban lists).
 *
 * @param jid the bare JID (or server JID) the affiliation is of; a room looks entries up by the bare
 *     form of this JID
 * @param affiliation its affiliation; {@link Affiliation#NONE} only in a change, where it removes the
 *     entry
 * @param reservedNick the nickname it reserved (XEP-0045 §7.10, §9.3), if any
 * @param reason the reason given when the affiliation was set, if any
 */
public record AffiliationEntry(Jid jid, Affiliation affiliation, Optional<Resourcepart> reservedNick,
        Optional<String> reason) {
}
