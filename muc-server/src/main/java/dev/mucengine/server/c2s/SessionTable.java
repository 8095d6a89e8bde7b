package dev.mucengine.server.c2s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/** Bound sessions by full JID and by account. Engine thread only. */
final class SessionTable {

    private final Map<EntityFullJid, Session> byJid = new HashMap<>();
    private final Map<EntityBareJid, List<Session>> byAccount = new HashMap<>();

    /**
     * Binds a resource (RFC 6120 §7): the requested one, or a generated one when none was asked
     * for or it is taken (the server may always assign a different resourcepart, §7.7.2.2).
     */
    EntityFullJid bind(Session session, Optional<String> requested) {
        EntityFullJid jid = requested.flatMap(r -> fullJid(session.account(), r))
                .filter(j -> !byJid.containsKey(j))
                .orElseGet(() -> fresh(session.account()));
        session.bind(jid);
        byJid.put(jid, session);
        byAccount.computeIfAbsent(session.account(), a -> new ArrayList<>()).add(session);
        return jid;
    }

    void remove(Session session) {
        session.jid().ifPresent(jid -> {
            if (byJid.get(jid) == session) {
                byJid.remove(jid);
            }
        });
        List<Session> list = byAccount.get(session.account());
        if (list != null) {
            list.remove(session);
            if (list.isEmpty()) {
                byAccount.remove(session.account());
            }
        }
    }

    Optional<Session> byFullJid(Jid jid) {
        return Optional.ofNullable(byJid.get(jid));
    }

    /** The account's bound sessions, in bind order. */
    List<Session> ofAccount(Jid jid) {
        EntityBareJid bare = jid.asEntityBareJidIfPossible();
        return bare == null ? List.of() : List.copyOf(byAccount.getOrDefault(bare, List.of()));
    }

    List<Session> all() {
        return List.copyOf(byJid.values());
    }

    private static EntityFullJid fresh(EntityBareJid account) {
        return fullJid(account, UUID.randomUUID().toString().substring(0, 8)).orElseThrow();
    }

    private static Optional<EntityFullJid> fullJid(EntityBareJid account, String resource) {
        try {
            return Optional.of(JidCreate.entityFullFrom(account, Resourcepart.from(resource)));
        } catch (XmppStringprepException e) {
            return Optional.empty();
        }
    }
}
