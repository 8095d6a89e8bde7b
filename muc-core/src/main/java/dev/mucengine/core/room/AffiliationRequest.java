package dev.mucengine.core.room;

import dev.mucengine.core.muc.Affiliation;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One requested affiliation change: to whom, to what, with an optional reserved nick and reason.
 * A request does not check itself: the engine checks a whole batch of them against the room (who
 * asks, the last owner, reserved nicknames) before it applies any.
 *
 * @param jid whose affiliation changes; the engine uses its bare form (or the server JID)
 * @param affiliation the new affiliation; {@link Affiliation#NONE} removes the entry
 * @param nick the nickname to reserve for it, already prepared ({@link dev.mucengine.core.muc.Nicknames}); empty
 *     keeps the current reservation. An affiliation below member drops it either way.
 * @param reason why, shown to the user and kept in the entry (ban lists)
 */
public record AffiliationRequest(Jid jid, Affiliation affiliation, Optional<Resourcepart> nick,
        Optional<String> reason) {
}
