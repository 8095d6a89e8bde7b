package dev.mucengine.core.room;

import dev.mucengine.core.muc.Affiliation;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A long-lived affiliation of a bare JID (or a server JID) with a room, with the nickname it
 * reserved and the reason given when it was set (kept for ban lists).
 */
public record AffiliationEntry(Jid jid, Affiliation affiliation, Optional<Resourcepart> reservedNick,
        Optional<String> reason) {
}
