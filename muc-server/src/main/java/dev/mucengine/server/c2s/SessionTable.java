package dev.mucengine.server.c2s;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.UUID;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Bound sessions by full JID and by account. Safe for the engine's partitions: an account's
 * sessions bind and go on the account's partition, while every room's partition looks sessions
 * up to deliver to them (a concurrent map read, no lock, on that hot path).
 */
final class SessionTable {

    private final Map<EntityFullJid, Session> byJid = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, List<Session>> byAccount = new ConcurrentHashMap<>();

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
        byAccount.computeIfAbsent(session.account(), a -> new CopyOnWriteArrayList<>()).add(session);
        return jid;
    }

    void remove(Session session) {
        session.jid().ifPresent(jid -> {
            if (byJid.get(jid) == session) {
                byJid.remove(jid);
            }
        });
        byAccount.computeIfPresent(session.account(), (account, list) -> {
            list.remove(session);
            return list.isEmpty() ? null : list;
        });
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
