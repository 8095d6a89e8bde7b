package dev.mucengine.core.service;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import java.util.Optional;

/**
 * Service discovery on the service's own JID (XEP-0045 §6.1-§6.3): the conference identity and
 * features, and the list of public rooms (hidden and locked rooms are never listed).
 */
final class ServiceDisco {

    private final ServiceConfig config;

    ServiceDisco(ServiceConfig config) {
        this.config = config;
    }

    Iq info(Iq iq, Element query, boolean requesterIsAdmin) {
        Optional<String> node = query.attribute("node");
        if (node.isPresent()) {
            if (node.get().equals(XmppNamespaces.COMMANDS)) {
                return iq.resultReply(Element.builder(XmppNamespaces.DISCO_INFO, "query")
                        .attribute("node", XmppNamespaces.COMMANDS).build());
            }
            return iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND));
        }
        ElementBuilder q = Element.builder(XmppNamespaces.DISCO_INFO, "query");
        q.child(Element.builder(XmppNamespaces.DISCO_INFO, "identity").attribute("category", "conference")
                .attribute("name", config.name()).attribute("type", "text").build());
        for (String feature : List.of(MucNamespaces.MUC, XmppNamespaces.DISCO_INFO, XmppNamespaces.DISCO_ITEMS,
                XmppNamespaces.COMMANDS, XmppNamespaces.PING, MucNamespaces.MUC_STABLE_ID, MucNamespaces.MUC_UNIQUE)) {
            q.child(Element.builder(XmppNamespaces.DISCO_INFO, "feature").attribute("var", feature).build());
        }
        return iq.resultReply(q.build());
    }

    Iq items(Iq iq, Element query, List<DirectoryEntry> rooms, List<Element> commandItems) {
        Optional<String> node = query.attribute("node");
        ElementBuilder q = Element.builder(XmppNamespaces.DISCO_ITEMS, "query");
        if (node.isPresent()) {
            if (!node.get().equals(XmppNamespaces.COMMANDS)) {
                return iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND));
            }
            q.attribute("node", XmppNamespaces.COMMANDS);
            commandItems.forEach(q::child);
            return iq.resultReply(q.build());
        }
        for (DirectoryEntry r : rooms) {
            q.child(Element.builder(XmppNamespaces.DISCO_ITEMS, "item")
                    .attribute("jid", r.jid().toString())
                    .attribute("name", r.name().isEmpty() ? r.jid().getLocalpart().toString() : r.name())
                    .build());
        }
        return iq.resultReply(q.build());
    }
}
