package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.StanzaRouter;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * What the server does with a top-level element from an authenticated client before routing
 * it: resource binding, stamping the sender's full JID, presence bookkeeping and the iqs a user
 * sends its own account. Also the end of a session. On the partition of the client's account
 * ({@code ConfinedEngine#submit(Jid, Runnable)}), so that all of an account's sessions are handled
 * on one thread; the router forwards what is for a room to the room's partition.
 */
final class ClientInput {

    private final SessionTable sessions;
    private final LocalPresence presence;
    private final ServerIq serverIq;
    private final StanzaRouter router;

    ClientInput(SessionTable sessions, ServerIq serverIq, StanzaRouter router) {
        this.sessions = sessions;
        this.serverIq = serverIq;
        this.router = router;
        this.presence = new LocalPresence(sessions, router::route);
    }

    /** A stanza ({@link ClientStanzas#isStanza}) from an authenticated client. */
    void fromClient(Session session, Element element) {
        if (ClientStanzas.lacksId(element)) {
            refuse(session, element, StanzaError.of(Condition.BAD_REQUEST).withText("an iq needs an id"));
            return;
        }
        Optional<EntityFullJid> jid = session.jid();
        if (jid.isEmpty()) {
            ResourceBinding.handle(session, element, sessions);
            return;
        }
        if (ResourceBinding.isRequest(element)) {
            // RFC 6120 §7.6.2.2: this server binds one resource per stream
            refuse(session, element, StanzaError.of(Condition.NOT_ALLOWED)
                    .withText("this stream has bound its resource"));
            return;
        }
        StanzaResult parsed = Stanza.parseFrom(element, jid.get());
        if (parsed instanceof StanzaResult.Invalid invalid) {
            refuse(session, element, invalid.error());
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
            serverIq.forAccount(session, iq).forEach(router::route);
            return;
        }
        router.route(stanza);
    }

    /** The client's connection ended. */
    void disconnected(Session session) {
        sessions.remove(session);
        presence.disconnected(session);
    }

    private static void refuse(Session session, Element element, StanzaError error) {
        ClientStanzas.refusal(element, error).ifPresent(session::send);
    }
}
