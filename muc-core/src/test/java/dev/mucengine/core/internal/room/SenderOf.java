package dev.mucengine.core.internal.room;

import dev.mucengine.core.stanza.Iq;
import org.jxmpp.jid.EntityFullJid;

/** What the router hands a room iq handler as the sender: the request's full {@code from}. */
public final class SenderOf {

    private SenderOf() {
    }

    public static EntityFullJid sender(Iq iq) {
        return (EntityFullJid) iq.from().orElseThrow();
    }
}
