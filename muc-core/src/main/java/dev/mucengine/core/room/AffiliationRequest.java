package dev.mucengine.core.room;

import dev.mucengine.core.muc.Affiliation;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/** One requested affiliation change: to whom, to what, with an optional reserved nick and reason. */
public record AffiliationRequest(Jid jid, Affiliation affiliation, Optional<Resourcepart> nick,
        Optional<String> reason) {
}
