package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import java.util.HashMap;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;

/**
 * XEP-0049 private XML storage, in memory: one element per account and qualified name. Clients
 * keep XEP-0048 bookmarks (rooms to join automatically) here. Engine thread only.
 */
final class PrivateStorage {

    static final String NAMESPACE = "jabber:iq:private";

    private final Map<EntityBareJid, Map<XmlName, Element>> byAccount = new HashMap<>();

    Iq handle(EntityBareJid account, Iq iq, Element query) {
        if (query.elements().size() != 1) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("exactly one child element"));
        }
        Element payload = query.elements().get(0);
        if (payload.namespace().equals(NAMESPACE) || payload.namespace().startsWith("jabber:client")) {
            return iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)); // XEP-0049 §3: reserved namespaces
        }
        Map<XmlName, Element> stored = byAccount.computeIfAbsent(account, a -> new HashMap<>());
        if (iq.type() == IqType.SET) {
            stored.put(payload.name(), payload);
            return iq.resultReply();
        }
        Element found = stored.getOrDefault(payload.name(), payload);
        return iq.resultReply(Element.builder(NAMESPACE, "query").child(found).build());
    }

    void forget(EntityBareJid account) {
        byAccount.remove(account);
    }
}
