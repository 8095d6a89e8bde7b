package dev.mucengine.server.c2s;

import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Who the server is: its domain, the MUC service's domain ({@code conference.<domain>}) and the
 * administrators (of both).
 */
record ServerIdentity(DomainBareJid domain, DomainBareJid mucDomain, Set<BareJid> admins) {

    ServerIdentity {
        admins = Set.copyOf(admins);
    }

    static ServerIdentity of(DomainBareJid domain, Set<BareJid> admins) {
        return new ServerIdentity(domain, JidCreate.domainBareFromOrThrowUnchecked("conference." + domain),
                admins);
    }

    boolean isAdmin(BareJid account) {
        return admins.contains(account);
    }
}
