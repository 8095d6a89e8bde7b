package dev.mucengine.core.internal.disco;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomIqHandler;
import dev.mucengine.core.internal.config.RoomConfigForm;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * disco#info on a room's bare JID (XEP-0045 §6.4, §6.7).
 *
 * <p>Without a node: identity {@code conference/text} named after the room (its local part when it
 * has no name), the features {@code http://jabber.org/protocol/muc}, {@code muc#stable_id},
 * {@code muc#request} (only when visitors may request voice), {@code jabber:iq:register}, one
 * feature per configuration axis (from {@link RoomConfigForm#discoFeatures}), and the
 * muc#roominfo extended form ({@link RoomInfoForm}).
 *
 * <p>With {@code node='x-roomuser-item'}: the nickname the requester's bare JID reserved, as an
 * identity, or an empty query if it reserved none. Any other node is item-not-found, as is a
 * locked (not yet configured) room for anyone but its owners.
 */
public final class RoomDisco implements RoomIqHandler {

    /** The node of the reserved-nickname query (§6.7). */
    public static final String RESERVED_NICK_NODE = "x-roomuser-item";

    private final RoomConfigForm form;

    public RoomDisco() {
        this(RoomConfigForm.standard());
    }

    /** @param form the configuration form whose fields give the per-axis features */
    public RoomDisco(RoomConfigForm form) {
        this.form = form;
    }

    @Override
    public String namespace() {
        return MucNamespaces.DISCO_INFO;
    }

    @Override
    public void handle(Room room, Iq iq, EntityFullJid sender, Element query, RoomContext context, Outbox out) {
        if (iq.type() != IqType.GET) {
            out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)));
            return;
        }
        Jid from = sender;
        if (room.destroyed() || (room.locked() && context.privilege(room, from) != Affiliation.OWNER)) {
            out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)));
            return;
        }
        Optional<String> node = query.attribute("node");
        if (node.isEmpty()) {
            out.send(iq.resultReply(info(room)));
        } else if (node.get().equals(RESERVED_NICK_NODE)) {
            out.send(iq.resultReply(reservedNick(room, from)));
        } else {
            out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)));
        }
    }

    /** The features of a room with this configuration, in the order they are listed. */
    public List<String> features(RoomConfig config) {
        List<String> features = new ArrayList<>();
        features.add(MucNamespaces.MUC);
        features.add(MucNamespaces.MUC_STABLE_ID);
        if (config.allowVoiceRequests()) {
            features.add(MucNamespaces.MUC_REQUEST);
        }
        features.add(MucNamespaces.REGISTER);
        features.addAll(form.discoFeatures(config));
        return features;
    }

    private Element info(Room room) {
        String name = room.config().name().isEmpty() ? room.jid().getLocalpart().toString() : room.config().name();
        Element.Builder q = Element.builder(MucNamespaces.DISCO_INFO, "query")
                .child(identity(name));
        for (String f : features(room.config())) {
            q.child(Element.builder(MucNamespaces.DISCO_INFO, "feature").attribute("var", f).build());
        }
        q.child(RoomInfoForm.render(room).toElement());
        return q.build();
    }

    private static Element reservedNick(Room room, Jid from) {
        Element.Builder q = Element.builder(MucNamespaces.DISCO_INFO, "query").attribute("node", RESERVED_NICK_NODE);
        Optional<Resourcepart> nick = room.reservedNick(from);
        nick.ifPresent(n -> q.child(identity(n.toString())));
        return q.build();
    }

    private static Element identity(String name) {
        return Element.builder(MucNamespaces.DISCO_INFO, "identity")
                .attribute("category", "conference")
                .attribute("name", name)
                .attribute("type", "text")
                .build();
    }
}
