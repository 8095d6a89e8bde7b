package dev.mucengine.core.internal.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Domainpart;

/**
 * The JIDs rooms keep (their own, their occupants'), rebuilt over one {@link Domainpart} per
 * domain. Every parsed address carries its own copy of its domain, some 80 bytes, yet a service's
 * rooms share one domain and most of their occupants a few: one copy each is enough.
 *
 * <p>One per service, shared by its rooms (and so safe for use from several threads); bounded:
 * when full, the table starts again, which only costs sharing.
 */
final class SharedDomains {

    /** Distinct domains held at once. */
    private static final int CAPACITY = 1_024;

    private final Map<Domainpart, Domainpart> domains = new ConcurrentHashMap<>();

    /** The same address, over the shared copy of its domain. */
    EntityBareJid shared(EntityBareJid jid) {
        Domainpart domain = shared(jid.getDomain());
        return domain == jid.getDomain() ? jid : JidCreate.entityBareFrom(jid.getLocalpart(), domain);
    }

    /** The same address, over the shared copy of its domain. */
    EntityFullJid shared(EntityFullJid jid) {
        Domainpart domain = shared(jid.getDomain());
        return domain == jid.getDomain() ? jid
                : JidCreate.entityFullFrom(jid.getLocalpart(), domain, jid.getResourcepart());
    }

    private Domainpart shared(Domainpart domain) {
        Domainpart existing = domains.get(domain);
        if (existing != null) {
            return existing;
        }
        if (domains.size() >= CAPACITY) {
            domains.clear();
        }
        Domainpart raced = domains.putIfAbsent(domain, domain);
        return raced == null ? domain : raced;
    }
}
