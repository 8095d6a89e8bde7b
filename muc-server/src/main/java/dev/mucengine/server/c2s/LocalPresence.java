package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * The presence a local user sends, simplified from RFC 6121 §4 for a server without rosters:
 * broadcast presence is reflected to the account's available resources (the sender included),
 * directed presence is remembered, and whoever a resource was available to hears that it went
 * away, whether by unavailable presence or by disconnecting. On the partition of the account
 * (all of its sessions are handled there).
 */
final class LocalPresence {

    private final SessionTable sessions;
    private final Consumer<Stanza> router;

    LocalPresence(SessionTable sessions, Consumer<Stanza> router) {
        this.sessions = sessions;
        this.router = router;
    }

    /** Broadcast presence (no {@code to}, or the sender's own bare JID). */
    void broadcast(Session sender, Presence presence) {
        if (presence.type() == PresenceType.AVAILABLE) {
            sender.available(true);
        } else if (presence.type() == PresenceType.UNAVAILABLE) {
            sender.available(false);
            leaveDirected(sender, Optional.of(presence));
        } else {
            return; // subscriptions need a roster, which this server does not keep
        }
        for (Session s : sessions.ofAccount(sender.account())) {
            if (s.available() || s == sender) {
                s.jid().ifPresent(jid -> s.send(presence.withTo(jid).element()));
            }
        }
    }

    /** Presence to someone else: remember who has seen this resource available (§4.6). */
    void directed(Session sender, Presence presence) {
        Jid to = presence.to().orElseThrow();
        if (presence.type() == PresenceType.AVAILABLE) {
            sender.directedPresence().add(to);
        } else if (presence.type() == PresenceType.UNAVAILABLE) {
            sender.directedPresence().remove(to);
        }
    }

    /**
     * The client has gone without saying so: unavailable presence to everyone it was available
     * to, rooms included, so that it leaves them; then to its own other resources.
     */
    void disconnected(Session session) {
        Optional<EntityFullJid> jid = session.jid();
        if (jid.isEmpty()) {
            return;
        }
        leaveDirected(session, Optional.empty());
        if (session.available()) {
            session.available(false);
            Presence gone = unavailable(jid.get(), Optional.empty());
            for (Session s : sessions.ofAccount(session.account())) {
                if (s != session && s.available()) {
                    s.jid().ifPresent(other -> s.send(gone.withTo(other).element()));
                }
            }
        }
    }

    private void leaveDirected(Session session, Optional<Presence> original) {
        List<Jid> targets = session.directedPresence().drain();
        EntityFullJid from = session.jid().orElseThrow();
        for (Jid target : targets) {
            router.accept(original.map(p -> (Stanza) p.withTo(target))
                    .orElseGet(() -> unavailable(from, Optional.of(target))));
        }
    }

    static Presence unavailable(Jid from, Optional<Jid> to) {
        ElementBuilder b = Element.builder(Stanza.CLIENT_NAMESPACE, "presence")
                .attribute("from", from.toString())
                .attribute("type", "unavailable");
        to.ifPresent(t -> b.attribute("to", t.toString()));
        if (Stanza.parse(b.build()) instanceof StanzaResult.Valid v && v.stanza() instanceof Presence p) {
            return p;
        }
        throw new IllegalStateException("built an invalid presence"); // addresses are typed JIDs
    }
}
