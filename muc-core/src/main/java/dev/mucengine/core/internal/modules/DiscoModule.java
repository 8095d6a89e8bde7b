package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Service discovery on a room's bare JID (XEP-0045 §6.4, §6.5, §7.12).
 *
 * <p>disco#info without a node: identity {@code conference/text} named after the room (its local
 * part when it has no name), the features every module declares, and the muc#roominfo form. With
 * {@code node='x-roomuser-item'} (§7.12): the nickname the requester's bare JID reserved, as an
 * identity, or an empty query if it reserved none. Any other node is item-not-found, as is a
 * locked (not yet configured) room for anyone but its owners.
 *
 * <p>disco#items: the occupants' room JIDs in a public, open room, otherwise an empty list. The
 * XEP lets a service return either. A public room anyone may enter already shows its occupants to
 * whoever joins, so listing them hides nothing; hidden and members-only rooms list nobody, so
 * they do not leak who is present. Clients (Smack's integration tests, for one) expect the list
 * for a default room. A query for a node is item-not-found.
 */
final class DiscoModule implements RoomModule {

    /** The node of the reserved-nickname query (§7.12). */
    static final String RESERVED_NICK_NODE = "x-roomuser-item";

    @Override
    public String name() {
        return "disco";
    }

    @Override
    public Set<String> iqNamespaces() {
        return Set.of(XmppNamespaces.DISCO_INFO, XmppNamespaces.DISCO_ITEMS);
    }

    @Override
    public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        if (iq.type() != IqType.GET) {
            context.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)));
        } else if (query.namespace().equals(XmppNamespaces.DISCO_INFO)) {
            context.send(info(context, iq, sender, query));
        } else {
            context.send(items(context.room(), iq, query));
        }
    }

    private static Iq info(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        RoomView room = context.room();
        if (room.locked() && context.privilege(sender) != Affiliation.OWNER) {
            return iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND));
        }
        Optional<String> node = query.attribute("node");
        if (node.isEmpty()) {
            String name = room.config().name().isEmpty() ? room.jid().getLocalpart().toString() : room.config().name();
            ElementBuilder q = Element.builder(XmppNamespaces.DISCO_INFO, "query").child(identity(name));
            for (String f : context.discoFeatures()) {
                q.child(Element.builder(XmppNamespaces.DISCO_INFO, "feature").attribute("var", f).build());
            }
            q.child(RoomInfoForm.render(room, context.roomInfoFields()).toElement());
            return iq.resultReply(q.build());
        }
        if (node.get().equals(RESERVED_NICK_NODE)) {
            ElementBuilder q = Element.builder(XmppNamespaces.DISCO_INFO, "query")
                    .attribute("node", RESERVED_NICK_NODE);
            room.reservedNick(sender).ifPresent(n -> q.child(identity(n.toString())));
            return iq.resultReply(q.build());
        }
        return iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND));
    }

    private static Iq items(RoomView room, Iq iq, Element query) {
        if (query.attribute("node").isPresent()) {
            return iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND));
        }
        ElementBuilder items = Element.builder(XmppNamespaces.DISCO_ITEMS, "query");
        if (room.config().publicRoom() && !room.config().membersOnly()) {
            Set<Resourcepart> listed = new LinkedHashSet<>();
            for (Occupant o : room.occupants()) {
                listed.add(o.nick()); // one item per nick, several sessions or not
            }
            for (Resourcepart nick : listed) {
                items.child(Element.builder(XmppNamespaces.DISCO_ITEMS, "item")
                        .attribute("jid", room.occupantJid(nick).toString()).build());
            }
        }
        return iq.resultReply(items.build());
    }

    private static Element identity(String name) {
        return Element.builder(XmppNamespaces.DISCO_INFO, "identity")
                .attribute("category", "conference")
                .attribute("name", name)
                .attribute("type", "text")
                .build();
    }
}
