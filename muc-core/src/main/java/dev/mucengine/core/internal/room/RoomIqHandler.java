package dev.mucengine.core.internal.room;

import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.xml.Element;
import org.jxmpp.jid.EntityFullJid;

/**
 * Serves one iq namespace addressed to a room's bare JID (muc#admin, muc#owner, register,
 * disco...). Must answer every get/set exactly once: a result or an error reply.
 */
public interface RoomIqHandler {

    /** The namespace of the query element this handler serves. */
    String namespace();

    /**
     * Called only for a get or set that has a payload; the router answers everything else.
     *
     * @param sender the requester's full JID, as its server stamped it
     * @param query the first child of the iq, in {@link #namespace()}
     */
    void handle(Room room, Iq iq, EntityFullJid sender, Element query, RoomContext context, Outbox out);
}
