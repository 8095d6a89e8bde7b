package dev.mucengine.server.c2s;

import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * Routes stanzas between local clients, the server itself and the MUC engine, after RFC 6121 §8
 * (bare and full JID rules) minus rosters and offline storage. Engine thread only: it is the
 * one place that calls the {@code MucService}.
 */
final class StanzaRouter {

    /** A stanza bounced more often than this is looping between error replies; drop it. */
    private static final int MAX_HOPS = 16;

    private final DomainBareJid domain;
    private final DomainBareJid mucDomain;
    private final StanzaHandler muc;
    private final SessionTable sessions;
    private final Accounts accounts;
    private final LocalPresence presence;
    private final ServerIq serverIq;
    private final Clock clock;

    StanzaRouter(ServerIdentity identity, StanzaHandler muc, SessionTable sessions, Accounts accounts,
            ServerIq serverIq, Clock clock) {
        this.domain = identity.domain();
        this.mucDomain = identity.mucDomain();
        this.muc = muc;
        this.sessions = sessions;
        this.accounts = accounts;
        this.serverIq = serverIq;
        this.clock = clock;
        this.presence = new LocalPresence(sessions, s -> route(s, 0));
    }

    /** A top-level element from an authenticated client. */
    void fromClient(Session session, Element element) {
        Optional<EntityFullJid> jid = session.jid();
        if (jid.isEmpty()) {
            ResourceBinding.handle(session, element, sessions);
            return;
        }
        StanzaResult parsed = Stanza.parse(element.withAttribute("from", jid.get().toString()));
        if (parsed instanceof StanzaResult.Invalid invalid) {
            bounceInvalid(session, invalid);
            return;
        }
        Stanza stanza = ((StanzaResult.Valid) parsed).stanza();
        Optional<Jid> to = stanza.to();
        boolean toOwnAccount = to.isEmpty() || to.get().equals(session.account());
        if (stanza instanceof Presence p) {
            if (toOwnAccount) {
                presence.broadcast(session, p);
                return;
            }
            presence.directed(session, p);
        }
        if (toOwnAccount && stanza instanceof Iq iq) {
            serverIq.forAccount(session, iq).forEach(s -> route(s, 0));
            return;
        }
        route(stanza, 0);
    }

    /** The client's connection ended. */
    void disconnected(Session session) {
        sessions.remove(session);
        presence.disconnected(session);
    }

    /** Routes anything that already has a trustworthy {@code from}. */
    void route(Stanza stanza, int hops) {
        if (hops > MAX_HOPS) {
            return;
        }
        Optional<Jid> to = stanza.to();
        if (to.isEmpty()) {
            stanza.from().ifPresent(from -> toAccount(stanza.withTo(from.asBareJid()), hops));
            return;
        }
        DomainBareJid target = to.get().asDomainBareJid();
        if (target.equals(mucDomain)) {
            for (Stanza out : muc.handle(stanza, clock.instant()).stanzas()) {
                route(out, hops + 1);
            }
        } else if (!target.equals(domain)) {
            bounce(stanza, Condition.REMOTE_SERVER_NOT_FOUND, hops);
        } else if (!to.get().hasLocalpart()) {
            if (stanza instanceof Iq iq && !to.get().hasResource()) {
                serverIq.forServer(iq).forEach(s -> route(s, hops + 1));
            }
            // messages and presence to the server itself: nothing here consumes them
        } else if (to.get().hasResource()) {
            toFullJid(stanza, to.get(), hops);
        } else {
            toAccount(stanza, hops);
        }
    }

    private void toFullJid(Stanza stanza, Jid to, int hops) {
        Optional<Session> session = sessions.byFullJid(to);
        if (session.isPresent()) {
            session.get().send(stanza.element());
        } else if (stanza instanceof Message m && (m.type() == MessageType.NORMAL || m.type() == MessageType.CHAT)) {
            toAccount(stanza, hops); // §8.5.3.2.1: as if sent to the bare JID
        } else if (stanza instanceof Message m && m.type() == MessageType.GROUPCHAT) {
            bounce(stanza, Condition.SERVICE_UNAVAILABLE, hops); // tells the room the occupant is gone
        } else if (stanza instanceof Iq) {
            bounce(stanza, Condition.SERVICE_UNAVAILABLE, hops);
        }
        // presence to an unavailable resource is silently dropped (§8.5.3.2.2)
    }

    /** §8.5.2: to a local bare JID. */
    private void toAccount(Stanza stanza, int hops) {
        Jid to = stanza.to().orElseThrow();
        String user = String.valueOf(to.getLocalpartOrNull());
        if (!accounts.exists(user)) {
            if (!(stanza instanceof Presence)) {
                bounce(stanza, Condition.SERVICE_UNAVAILABLE, hops); // §8.5.1
            }
            return;
        }
        if (stanza instanceof Iq iq) {
            serverIq.forOtherAccount(iq).forEach(s -> route(s, hops + 1));
            return;
        }
        List<Session> available = sessions.ofAccount(to).stream().filter(Session::available).toList();
        if (stanza instanceof Message m) {
            if (m.type() == MessageType.GROUPCHAT || available.isEmpty() && m.type() != MessageType.HEADLINE) {
                bounce(stanza, Condition.SERVICE_UNAVAILABLE, hops); // no offline storage here
                return;
            }
        }
        if (stanza instanceof Presence p && p.type() != dev.mucengine.core.stanza.PresenceType.AVAILABLE
                && p.type() != dev.mucengine.core.stanza.PresenceType.UNAVAILABLE) {
            return; // subscription management needs a roster
        }
        for (Session s : available) {
            s.send(stanza.element());
        }
    }

    private void bounce(Stanza stanza, Condition condition, int hops) {
        if (stanza.isError() || stanza.from().isEmpty()
                || stanza instanceof Iq iq && !iq.type().isRequest()) {
            return; // never answer an error or a response with an error (RFC 6120 §8.3.1)
        }
        route(stanza.errorReply(StanzaError.of(condition)), hops + 1);
    }

    private static void bounceInvalid(Session session, StanzaResult.Invalid invalid) {
        Element e = invalid.element();
        if (e.attribute("type").orElse("").equals("error")) {
            return;
        }
        Element.Builder b = Element.builder(e.name()).attribute("type", "error");
        e.attribute("id").ifPresent(id -> b.attribute("id", id));
        b.child(invalid.error().toElement(Stanza.CLIENT_NAMESPACE));
        session.send(b.build());
    }
}
