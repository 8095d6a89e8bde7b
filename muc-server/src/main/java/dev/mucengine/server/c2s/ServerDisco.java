package dev.mucengine.server.c2s;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;

/** XEP-0030 answers for the server and for accounts; the MUC service is the one item. */
final class ServerDisco {

    static final String INFO = "http://jabber.org/protocol/disco#info";
    static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private static final List<String> SERVER_FEATURES = List.of(INFO, ITEMS,
            ServerIq.PING, AdminCommands.NAMESPACE, "jabber:iq:version",
            "urn:ietf:params:xml:ns:xmpp-session", PrivateStorage.NAMESPACE);

    private final ServerIdentity identity;
    private final boolean openRegistration;

    ServerDisco(ServerIdentity identity, boolean openRegistration) {
        this.identity = identity;
        this.openRegistration = openRegistration;
    }

    Element serverInfo() {
        ElementBuilder q = Element.builder(INFO, "query")
                .child(identity("server", "im", "muc-engine serve"));
        SERVER_FEATURES.forEach(f -> q.child(feature(f)));
        if (openRegistration) {
            q.child(feature(InBandRegistration.NAMESPACE));
        }
        return q.build();
    }

    Element serverItems() {
        return Element.builder(ITEMS, "query")
                .child(Element.builder(ITEMS, "item").attribute("jid", identity.mucDomain().toString())
                        .attribute("name", "Chatrooms").build())
                .build();
    }

    /** An account's bare JID answers for itself (XEP-0030 §3.1, "account" category). */
    Element accountInfo() {
        return Element.builder(INFO, "query")
                .child(identity("account", "registered", ""))
                .child(feature(INFO)).child(feature(ITEMS))
                .build();
    }

    static Element emptyItems(String node) {
        ElementBuilder q = Element.builder(ITEMS, "query");
        if (!node.isEmpty()) {
            q.attribute("node", node);
        }
        return q.build();
    }

    private static Element identity(String category, String type, String name) {
        ElementBuilder b = Element.builder(INFO, "identity").attribute("category", category)
                .attribute("type", type);
        if (!name.isEmpty()) {
            b.attribute("name", name);
        }
        return b.build();
    }

    private static Element feature(String var) {
        return Element.builder(INFO, "feature").attribute("var", var).build();
    }
}
