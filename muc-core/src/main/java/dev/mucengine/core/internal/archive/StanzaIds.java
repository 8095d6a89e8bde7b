package dev.mucengine.core.internal.archive;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XEP-0359 stanza ids as the room writes them: {@code <stanza-id id by='room'/>}. Only the room
 * may claim its own ids: one a sender put in claiming {@code by} the room is removed (XEP-0359
 * §5), whatever else the room does with the message.
 */
final class StanzaIds {

    private StanzaIds() {
    }

    /** {@code message} without any {@code <stanza-id/>} that claims to be by {@code room}. */
    static Message withoutClaims(Message message, EntityBareJid room) {
        List<Node> children = message.element().children();
        List<Node> kept = new ArrayList<>(children.size());
        for (Node n : children) {
            if (!(n instanceof Element e && isBy(e, room))) {
                kept.add(n);
            }
        }
        return kept.size() == children.size() ? message : message.withChildren(kept);
    }

    /** {@code message} with the room's stanza id {@code id} added. */
    static Message stamped(Message message, String id, EntityBareJid room) {
        List<Node> children = new ArrayList<>(message.element().children());
        children.add(Element.builder(XmppNamespaces.STANZA_ID, "stanza-id").attribute("id", id)
                .attribute("by", room.toString()).build());
        return message.withChildren(children);
    }

    /** The id the room stamped on {@code message}, if it did. */
    static Optional<String> idBy(Message message, EntityBareJid room) {
        for (Element e : message.element().elements()) {
            if (isBy(e, room)) {
                return e.attribute("id");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code message} as the archive keeps it: without any muc#user {@code <x/>} (XEP-0313
     * §8.4: such an element from a sender would be taken for the room's word about the sender).
     */
    static Message forArchive(Message message) {
        List<Node> kept = new ArrayList<>();
        for (Node n : message.element().children()) {
            if (!(n instanceof Element e && e.is(MucNamespaces.MUC_USER, "x"))) {
                kept.add(n);
            }
        }
        return message.withChildren(kept);
    }

    /** Compared as JIDs, so a claim in another case (XEP-0029 normalization) is still the room's. */
    private static boolean isBy(Element e, EntityBareJid room) {
        if (!e.is(XmppNamespaces.STANZA_ID, "stanza-id")) {
            return false;
        }
        Optional<String> by = e.attribute("by");
        if (by.isEmpty()) {
            return false;
        }
        if (by.get().equals(room.toString())) {
            return true;
        }
        try {
            return JidCreate.from(by.get()).equals(room);
        } catch (XmppStringprepException | IllegalArgumentException malformed) {
            return false;
        }
    }
}
