package dev.mucengine.core.internal.disco;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomIqHandler;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * disco#items on a room's bare JID (XEP-0045 §6.5): the occupants' room JIDs in a public,
 * open room, otherwise an empty list.
 *
 * <p>The XEP lets a service return the occupants' room JIDs or an empty list. A public room
 * that anyone may enter already shows its occupants to whoever joins, so listing them hides
 * nothing; hidden and members-only rooms list nobody, so they do not leak who is present. Clients
 * (Smack's integration tests, for one) expect the list for a default room. A query for a node is
 * item-not-found.
 */
public final class RoomItems implements RoomIqHandler {

    @Override
    public String namespace() {
        return MucNamespaces.DISCO_ITEMS;
    }

    @Override
    public void handle(Room room, Iq iq, EntityFullJid sender, Element query, RoomContext context, Outbox out) {
        if (iq.type() != IqType.GET) {
            out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)));
            return;
        }
        if (room.destroyed() || query.attribute("node").isPresent()) {
            out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)));
            return;
        }
        Element.Builder items = Element.builder(MucNamespaces.DISCO_ITEMS, "query");
        if (room.config().publicRoom() && !room.config().membersOnly()) {
            Set<Resourcepart> listed = new LinkedHashSet<>();
            room.occupants().forEach(o -> listed.add(o.nick())); // one item per nick, several sessions or not
            for (Resourcepart nick : listed) {
                items.child(Element.builder(MucNamespaces.DISCO_ITEMS, "item")
                        .attribute("jid", JidCreate.entityFullFrom(room.jid(), nick).toString()).build());
            }
        }
        out.send(iq.resultReply(items.build()));
    }
}
