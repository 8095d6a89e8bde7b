package dev.mucengine.core.internal.join;

import dev.mucengine.core.muc.Affiliation;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A user asking to enter a room.
 *
 * @param privilege the affiliation that decides access (service admins count as owners)
 */
public record JoinRequest(EntityFullJid user, Resourcepart nick, Affiliation privilege, Optional<String> password) {
}
