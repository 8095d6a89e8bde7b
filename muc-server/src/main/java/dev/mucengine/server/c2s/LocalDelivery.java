package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.server.FanoutSerializer;
import dev.mucengine.server.StanzaRouter;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;

/**
 * {@code serve}'s destination for everything not addressed to the MUC service: local users and
 * the server itself, after RFC 6121 §8 (bare and full JID rules) minus rosters and offline
 * storage. Remote domains do not exist here. Any engine partition delivers: a room's partition
 * to its occupants, an account's partition for its user; so it reads only what is safe to share
 * ({@link SessionTable}, a session's volatile state, {@link ServerIq} under its lock).
 *
 * <p>Stanzas are serialized here, on the delivering engine thread, once per fan-out
 * ({@link FanoutSerializer}): the copies of a groupchat message or a presence broadcast come one
 * after another, and each session's writer gets its copy as bytes.
 */
final class LocalDelivery implements StanzaRouter.Destination {

    private final DomainBareJid domain;
    private final SessionTable sessions;
    private final Accounts accounts;
    private final ServerIq serverIq;
    /** One per engine thread: another partition's fan-outs in between would cost re-serializing. */
    private final ThreadLocal<FanoutSerializer> serializer =
            ThreadLocal.withInitial(() -> new FanoutSerializer(Stanza.CLIENT_NAMESPACE));

    LocalDelivery(ServerIdentity identity, SessionTable sessions, Accounts accounts, ServerIq serverIq) {
        this.domain = identity.domain();
        this.sessions = sessions;
        this.accounts = accounts;
        this.serverIq = serverIq;
    }

    @Override
    public List<Stanza> deliver(Stanza stanza) {
        Optional<Jid> to = stanza.to();
        if (to.isEmpty()) {
            return stanza.from().map(from -> toAccount(stanza.withTo(from.asBareJid()))).orElse(List.of());
        }
        if (!to.get().asDomainBareJid().equals(domain)) {
            return bounce(stanza, Condition.REMOTE_SERVER_NOT_FOUND);
        }
        if (!to.get().hasLocalpart()) {
            if (stanza instanceof Iq iq && !to.get().hasResource()) {
                return serverIq.forServer(iq);
            }
            return List.of(); // messages and presence to the server itself: nothing here consumes them
        }
        return to.get().hasResource() ? toFullJid(stanza, to.get()) : toAccount(stanza);
    }

    private List<Stanza> toFullJid(Stanza stanza, Jid to) {
        Optional<Session> session = sessions.byFullJid(to);
        if (session.isPresent()) {
            send(session.get(), stanza);
            return List.of();
        }
        if (stanza instanceof Message m && (m.type() == MessageType.NORMAL || m.type() == MessageType.CHAT)) {
            return toAccount(stanza); // §8.5.3.2.1: as if sent to the bare JID
        }
        if (stanza instanceof Message m && m.type() == MessageType.GROUPCHAT) {
            // Tells the room the occupant is gone, which removes it (XEP-0045 §11.1).
            return bounce(stanza, Condition.SERVICE_UNAVAILABLE);
        }
        if (stanza instanceof Iq) {
            return bounce(stanza, Condition.SERVICE_UNAVAILABLE);
        }
        return List.of(); // presence to an unavailable resource is silently dropped (§8.5.3.2.2)
    }

    /** §8.5.2: to a local bare JID. */
    private List<Stanza> toAccount(Stanza stanza) {
        Jid to = stanza.to().orElseThrow();
        String user = String.valueOf(to.getLocalpartOrNull());
        if (!accounts.exists(user)) {
            // §8.5.1
            return stanza instanceof Presence ? List.of() : bounce(stanza, Condition.SERVICE_UNAVAILABLE);
        }
        if (stanza instanceof Iq iq) {
            return serverIq.forOtherAccount(iq);
        }
        List<Session> available = sessions.ofAccount(to).stream().filter(Session::available).toList();
        if (stanza instanceof Message m
                && (m.type() == MessageType.GROUPCHAT || available.isEmpty() && m.type() != MessageType.HEADLINE)) {
            return bounce(stanza, Condition.SERVICE_UNAVAILABLE); // no offline storage here
        }
        if (stanza instanceof Presence p && p.type() != PresenceType.AVAILABLE
                && p.type() != PresenceType.UNAVAILABLE) {
            return List.of(); // subscription management needs a roster
        }
        for (Session s : available) {
            send(s, stanza);
        }
        return List.of();
    }

    private void send(Session session, Stanza stanza) {
        serializer.get().serialize(stanza.element()).ifPresentOrElse(session::send, () -> session.send(stanza.element()));
    }

    private static List<Stanza> bounce(Stanza stanza, Condition condition) {
        if (stanza.isError() || stanza.from().isEmpty()
                || stanza instanceof Iq iq && !iq.type().isRequest()) {
            return List.of(); // never answer an error or a response with an error (RFC 6120 §8.3.1)
        }
        return List.of(stanza.errorReply(StanzaError.of(condition)));
    }
}
