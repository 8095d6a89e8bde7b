package dev.mucengine.core.room.disco;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Outbox;
import dev.mucengine.core.room.Room;
import dev.mucengine.core.room.RoomContext;
import dev.mucengine.core.room.RoomIqHandler;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;

/**
 * disco#items on a room's bare JID (XEP-0045 §6.5): always an empty list.
 *
 * <p>The XEP lets a service return the occupants' room JIDs or an empty list, and forbids
 * revealing them in some rooms. Listing nobody is always allowed, keeps who is present private
 * (occupants already learn it from presence, and hidden or members-only rooms would otherwise
 * leak it) and does not depend on who asks. A query for a node is item-not-found.
 */
public final class RoomItems implements RoomIqHandler {

    @Override
    public String namespace() {
        return MucNamespaces.DISCO_ITEMS;
    }

    @Override
    public void handle(Room room, Iq iq, Element query, RoomContext context, Outbox out) {
        if (iq.type() == IqType.RESULT || iq.type() == IqType.ERROR) {
            return;
        }
        if (iq.type() != IqType.GET) {
            out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)));
            return;
        }
        if (room.destroyed() || query.attribute("node").isPresent()) {
            out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)));
            return;
        }
        out.send(iq.resultReply(Element.empty(MucNamespaces.DISCO_ITEMS, "query")));
    }
}
