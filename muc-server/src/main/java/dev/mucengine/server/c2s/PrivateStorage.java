package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.core.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;

/**
 * XEP-0049 private XML storage, in memory: one element per account and qualified name. Clients
 * keep XEP-0048 bookmarks (rooms to join automatically) here. Each account may keep at most
 * {@link ServeLimits#maxPrivateKeys()} elements and {@link ServeLimits#maxPrivateBytes()} bytes
 * (each element as serialized, in UTF-8); a store beyond either is refused with
 * {@code not-acceptable}, the condition XEP-0049 uses for what it will not store. Used through
 * {@link ServerIq} only, under its lock.
 */
final class PrivateStorage {

    static final String NAMESPACE = "jabber:iq:private";

    /** One account's elements and their total size. */
    private static final class Stored {
        final Map<XmlName, Element> elements = new HashMap<>();
        final Map<XmlName, Integer> sizes = new HashMap<>();
        long bytes;
    }

    private final ServeLimits limits;
    private final Map<EntityBareJid, Stored> byAccount = new HashMap<>();

    PrivateStorage(ServeLimits limits) {
        this.limits = limits;
    }

    Iq handle(EntityBareJid account, Iq iq, Element query) {
        if (query.elements().size() != 1) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("exactly one child element"));
        }
        Element payload = query.elements().get(0);
        if (payload.namespace().equals(NAMESPACE) || payload.namespace().startsWith("jabber:client")) {
            return iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)); // XEP-0049 §3: reserved namespaces
        }
        if (iq.type() == IqType.SET) {
            return store(account, iq, payload);
        }
        Stored stored = byAccount.get(account);
        Element found = stored == null ? payload : stored.elements.getOrDefault(payload.name(), payload);
        return iq.resultReply(Element.builder(NAMESPACE, "query").child(found).build());
    }

    void forget(EntityBareJid account) {
        byAccount.remove(account);
    }

    private Iq store(EntityBareJid account, Iq iq, Element payload) {
        Stored stored = byAccount.computeIfAbsent(account, a -> new Stored());
        int size = XmlWriter.write(payload).getBytes(StandardCharsets.UTF_8).length;
        Integer previous = stored.sizes.get(payload.name());
        if (previous == null && stored.elements.size() >= limits.maxPrivateKeys()) {
            return iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Private storage holds at most " + limits.maxPrivateKeys() + " elements per account"));
        }
        long bytes = stored.bytes - (previous == null ? 0 : previous) + size;
        if (bytes > limits.maxPrivateBytes()) {
            return iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Private storage holds at most " + limits.maxPrivateBytes() + " bytes per account"));
        }
        stored.elements.put(payload.name(), payload);
        stored.sizes.put(payload.name(), size);
        stored.bytes = bytes;
        return iq.resultReply();
    }
}
