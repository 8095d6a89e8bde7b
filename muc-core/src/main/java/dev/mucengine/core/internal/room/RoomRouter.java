package dev.mucengine.core.internal.room;

import dev.mucengine.core.internal.message.RoomMessages;
import dev.mucengine.core.internal.presence.RoomPresence;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Routes one stanza addressed to an existing room (or one of its occupant JIDs) to what handles
 * it: presence and messages to the engine's transitions, iq requests to the room to the module
 * that answers their namespace (found in O(1)), iq to an occupant to that occupant unless a module
 * answers it itself.
 */
public final class RoomRouter {

    private static final String DISCO_PREFIX = "http://jabber.org/protocol/disco#";

    private RoomRouter() {
    }

    public static void handle(Room room, Stanza stanza, EntityFullJid sender, Optional<Resourcepart> nick,
            RoomContext context, Outbox out) {
        ForwardedRequests forwarded = room.forwardedRequestsIfAny();
        if (forwarded != null) {
            forwarded.expire(room, context.now(), out);
        }
        if (stanza instanceof Presence p) {
            RoomPresence.handle(room, p, sender, nick, context, out);
        } else if (stanza instanceof Message m) {
            RoomMessages.handle(room, m, room.occupantByRealJid(sender), nick, context, out);
        } else if (stanza instanceof Iq iq) {
            if (nick.isPresent()) {
                relay(room, iq, sender, nick.get(), context, out);
            } else {
                roomIq(room, iq, sender, context, out);
            }
        }
    }

    private static void roomIq(Room room, Iq iq, EntityFullJid sender, RoomContext context, Outbox out) {
        if (!iq.type().isRequest()) {
            if (iq.type() == IqType.UNKNOWN) {
                out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Unknown iq type")));
            }
            return;
        }
        Optional<Element> query = iq.query();
        if (query.isEmpty()) {
            // RFC 6120 §8.2.3: a get or set carries exactly one payload.
            out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("An iq request needs a payload")));
            return;
        }
        Optional<RoomModule> module = room.modules().forIqNamespace(query.get().namespace());
        if (module.isEmpty()) {
            out.send(iq.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
            return;
        }
        module.get().handleIq(new RoomTurn(room, context, out), iq, sender, query.get());
    }

    /**
     * Iq between occupants (XEP-0045 §6.6, §7.5): relayed to the target's real JID from the
     * sender's occupant JID; replies come back the same way. Only occupants may use it.
     */
    private static void relay(Room room, Iq iq, EntityFullJid sender, Resourcepart nick, RoomContext context,
            Outbox out) {
        if (iq.type().isRequest()) {
            Optional<Iq> answer = room.modules().answerOccupantIq(room, iq, sender, nick);
            if (answer.isPresent()) {
                out.send(answer.get());
                return;
            }
        }
        Optional<Occupant> from = room.occupantByRealJid(sender);
        Optional<Occupant> to = room.occupant(nick);
        if (from.isEmpty()) {
            if (iq.type().isRequest()) {
                // §6.6: a disco request from a non-occupant MUST get bad-request; other iqs
                // follow the private-message rule (§7.5), not-acceptable.
                boolean disco = iq.query().map(q -> q.namespace().startsWith(DISCO_PREFIX)).orElse(false);
                out.send(iq.errorReply(StanzaError.of(disco ? Condition.BAD_REQUEST : Condition.NOT_ACCEPTABLE)
                        .withText("Only occupants may address occupants")));
            }
            return;
        }
        if (to.isEmpty()) {
            if (iq.type().isRequest()) {
                out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)
                        .withText("No occupant has that nickname")));
            }
            return;
        }
        // §17.4 (business rules, IQ): vCard requests go to the user's account, everything else to the client.
        boolean vcard = iq.query().map(q -> q.namespace().equals(XmppNamespaces.VCARD)).orElse(false);
        EntityFullJid fromOccupant = room.occupantJid(from.get().nick());
        if (vcard && iq.type().isRequest()) {
            // The account answers from its bare JID, which maps to no occupant: the room waits for it.
            room.forwardedRequests().forward(room, iq, sender, fromOccupant, to.get().nick(),
                    to.get().realJid().asBareJid(), context.ids().nextId(), context.now(), out);
        } else {
            out.send(iq.withAddresses(fromOccupant, to.get().realJid()));
        }
    }

    /**
     * {@code room} is going away (destroyed, or a temporary room its last occupant left): the
     * requests it still waits on get their one answer now.
     */
    public static void closing(Room room, Outbox out) {
        ForwardedRequests forwarded = room.forwardedRequestsIfAny();
        if (forwarded != null) {
            forwarded.abandon(room, out);
        }
    }

    /**
     * A result or error to an occupant JID from a JID that is no session's (an account's bare JID):
     * the answer to a request the room forwarded to that account, or nothing the room expects
     * (dropped; RFC 6120 §8.3.1 forbids answering a response).
     */
    public static void accountAnswer(Room room, Iq answer, Jid from, RoomContext context, Outbox out) {
        room.forwardedRequests().answer(room, answer, from, context.now(), out);
    }
}
