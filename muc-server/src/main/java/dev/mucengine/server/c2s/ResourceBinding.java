package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/** RFC 6120 §7: the only thing a client may do between SASL and having a full JID. */
final class ResourceBinding {

    static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-bind";

    private ResourceBinding() {
    }

    /** Whether {@code element} asks to bind a resource: an iq set with a bind payload. */
    static boolean isRequest(Element element) {
        return element.is(Stanza.CLIENT_NAMESPACE, "iq") && element.attribute("type").orElse("").equals("set")
                && element.child(NAMESPACE, "bind").isPresent();
    }

    static void handle(Session session, Element element, SessionTable sessions) {
        if (!(Stanza.parse(element.withoutAttribute("from").withoutAttribute("to"))
                instanceof StanzaResult.Valid v && v.stanza() instanceof Iq iq)) {
            return; // messages and presence before binding are dropped
        }
        Optional<Element> bind = iq.query().filter(q -> q.is(NAMESPACE, "bind"));
        if (iq.type() != IqType.SET || bind.isEmpty()) {
            if (iq.type().isRequest()) {
                session.send(iq.errorReply(StanzaError.of(Condition.NOT_AUTHORIZED)
                        .withText("bind a resource first")).element());
            }
            return;
        }
        Optional<String> requested = bind.get().childText(NAMESPACE, "resource")
                .map(String::strip).filter(r -> !r.isEmpty());
        EntityFullJid jid = sessions.bind(session, requested);
        session.send(iq.resultReply(Element.builder(NAMESPACE, "bind")
                .textChild(NAMESPACE, "jid", jid.toString()).build()).element());
    }
}
