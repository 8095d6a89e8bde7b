package dev.mucengine.core.room;

import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.xml.Element;

/**
 * Serves one iq namespace addressed to a room's bare JID (muc#admin, muc#owner, register,
 * disco...). Must answer every get/set exactly once: a result or an error reply.
 */
public interface RoomIqHandler {

    /** The namespace of the query element this handler serves. */
    String namespace();

    /**
     * @param query the first child of the iq, in {@link #namespace()}
     */
    void handle(Room room, Iq iq, Element query, RoomContext context, Outbox out);
}
