package dev.mucengine.testkit.server;

import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * The scripted users' own server, simplified from RFC 6121: it stamps what its clients send,
 * hands everything for the MUC service's domain to the engine and routes the engine's output.
 *
 * <ul>
 *   <li>to the service domain (the service, a room, an occupant): to the engine, then every
 *       stanza the engine returns is routed the same way;
 *   <li>to a connected full JID: into that session's queue;
 *   <li>to a bare JID (or no {@code to}, meaning the sender's own account): messages and
 *       presence to the account's available resources (none: dropped); initial presence is thus
 *       reflected to the sender;
 *   <li>an iq get/set nobody can answer (offline full JID, an account, the server itself) gets a
 *       {@code service-unavailable} error back, as a real server bounces it;
 *   <li>anything else is dropped, and the transcript says so.
 * </ul>
 *
 * <p>Directed presence is tracked so that a client's disconnection sends unavailable presence to
 * every JID it was still available to. Not thread-safe; one replay owns one server.
 */
public final class HomeServer {

    /** Routing depth at which a stanza is considered to be looping and is dropped. */
    private static final int MAX_HOPS = 32;
    private static final String AVATAR_UPDATE = "vcard-temp:x:update";

    private final ServerConfig config;
    private final StanzaHandler engine;
    private final Transcript transcript;
    private final Map<String, Session> byClient = new LinkedHashMap<>();
    private Instant now = Instant.EPOCH;

    public HomeServer(ServerConfig config, StanzaHandler engine, Transcript transcript) {
        this.config = config;
        this.engine = engine;
        this.transcript = transcript;
    }

    /** The time handed to the engine with every stanza from now on. */
    public void now(Instant instant) {
        now = instant;
    }

    /** Opens a session for {@code client} bound to {@code jid}. */
    public Session connect(String client, EntityFullJid jid) {
        Session session = new Session(client, jid);
        byClient.put(client, session);
        return session;
    }

    public Optional<Session> session(String client) {
        return Optional.ofNullable(byClient.get(client));
    }

    /**
     * Closes the session: unavailable presence goes to every JID the client was still available
     * to, and to the account's other available resources.
     */
    public void disconnect(Session session) {
        List<Jid> targets = new ArrayList<>(session.directedPresence());
        boolean wasAvailable = session.available();
        byClient.remove(session.client());
        for (Jid target : targets) {
            route(unavailable(session, Optional.of(target)), 0);
        }
        if (wasAvailable) {
            route(unavailable(session, Optional.empty()), 0);
        }
    }

    /** A client sends a stanza: stamp it with the client's full JID, then route it. */
    public void send(Session session, Stanza stanza) {
        Element element = stanza.element().withAttribute("from", session.jid().toString());
        if (config.stampAvatarUpdate() && stanza instanceof Presence p && p.type() == PresenceType.AVAILABLE
                && element.child(AVATAR_UPDATE, "x").isEmpty()) {
            element = element.toBuilder()
                    .child(Element.builder(AVATAR_UPDATE, "x").child(Element.empty(AVATAR_UPDATE, "photo")).build())
                    .build();
        }
        Stanza stamped = reparse(element);
        if (stamped instanceof Presence p) {
            trackPresence(session, p);
        }
        route(stamped, 0);
    }

    private void trackPresence(Session session, Presence presence) {
        Optional<Jid> to = presence.to();
        boolean toOwnAccount = to.isEmpty() || to.get().equals(session.jid().asBareJid());
        if (toOwnAccount) {
            if (presence.type() == PresenceType.AVAILABLE) {
                session.available(true);
            } else if (presence.type() == PresenceType.UNAVAILABLE) {
                session.available(false);
            }
        } else if (presence.type() == PresenceType.AVAILABLE) {
            session.directedPresence().add(to.get());
        } else if (presence.type() == PresenceType.UNAVAILABLE) {
            session.directedPresence().remove(to.get());
        }
    }

    private void route(Stanza stanza, int hops) {
        if (hops > MAX_HOPS) {
            transcript.stanza("dropped (routing loop)", stanza.element());
            return;
        }
        Optional<Jid> to = stanza.to();
        if (to.isEmpty()) {
            Optional<Jid> from = stanza.from();
            if (from.isPresent() && isUser(from.get())) {
                toAccount(stanza, from.get(), hops);
            } else {
                transcript.stanza("dropped (no destination)", stanza.element());
            }
            return;
        }
        Jid target = to.get();
        if (target.asDomainBareJid().equals(config.serviceDomain())) {
            transcript.stanza("to engine", stanza.element());
            for (Stanza out : engine.handle(stanza, now).stanzas()) {
                transcript.stanza("from engine", out.element());
                route(out, hops + 1);
            }
        } else if (!config.userDomains().contains(target.asDomainBareJid())) {
            transcript.stanza("dropped (unknown destination " + target + ")", stanza.element());
        } else if (target.hasResource()) {
            Optional<Session> session = byClient.values().stream().filter(s -> s.jid().equals(target)).findFirst();
            if (session.isPresent()) {
                deliver(session.get(), stanza);
            } else {
                bounceOrDrop(stanza, "no session " + target, hops);
            }
        } else if (target.hasLocalpart()) {
            toAccount(stanza, target, hops);
        } else {
            bounceOrDrop(stanza, "addressed to the server", hops);
        }
    }

    /** To a bare JID: the server's own handling of an account, simplified. */
    private void toAccount(Stanza stanza, Jid account, int hops) {
        if (stanza instanceof Iq) {
            bounceOrDrop(stanza, "iq to account " + account.asBareJid(), hops);
            return;
        }
        List<Session> available = byClient.values().stream()
                .filter(s -> s.available() && s.jid().asBareJid().equals(account.asBareJid()))
                .toList();
        if (available.isEmpty()) {
            transcript.stanza("dropped (" + account.asBareJid() + " has no available resource)", stanza.element());
        }
        for (Session s : available) {
            deliver(s, stanza);
        }
    }

    private void bounceOrDrop(Stanza stanza, String why, int hops) {
        if (stanza instanceof Iq iq && iq.type().isRequest()
                && stanza.from().isPresent()) {
            transcript.stanza("bounced (" + why + ")", stanza.element());
            route(stanza.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)), hops + 1);
        } else {
            transcript.stanza("dropped (" + why + ")", stanza.element());
        }
    }

    private void deliver(Session session, Stanza stanza) {
        transcript.stanza("to " + session.client() + " (" + session.jid() + ")", stanza.element());
        session.queue().add(stanza);
    }

    private static Presence unavailable(Session session, Optional<Jid> to) {
        ElementBuilder b = Element.builder(Stanza.CLIENT_NAMESPACE, "presence")
                .attribute("type", "unavailable")
                .attribute("from", session.jid().toString());
        to.ifPresent(jid -> b.attribute("to", jid.toString()));
        return (Presence) reparse(b.build());
    }

    private static Stanza reparse(Element element) {
        StanzaResult result = Stanza.parse(element);
        if (result instanceof StanzaResult.Valid valid) {
            return valid.stanza();
        }
        // Only reached for stanzas this class built or re-stamped from an already valid stanza.
        throw new IllegalStateException("invalid stanza: " + element);
    }

    private boolean isUser(Jid jid) {
        return config.userDomains().contains(jid.asDomainBareJid()) && jid.hasLocalpart();
    }
}
