package dev.mucengine.core.internal.room;

import dev.mucengine.core.room.Occupant;

import dev.mucengine.core.internal.message.RoomMessages;
import dev.mucengine.core.internal.presence.RoomPresence;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Routes one stanza addressed to an existing room (or one of its occupant JIDs) to the feature
 * that handles it. Iq namespaces are looked up in O(1).
 */
public final class RoomRouter {

    private static final String DISCO_PREFIX = "http://jabber.org/protocol/disco#";

    private final RoomPresence presence = new RoomPresence();
    private final RoomMessages messages = new RoomMessages(presence.exiting());
    private final Map<String, RoomIqHandler> iqHandlers = new HashMap<>();

    public RoomRouter(List<RoomIqHandler> handlers) {
        for (RoomIqHandler h : handlers) {
            iqHandlers.put(h.namespace(), h);
        }
    }

    public RoomPresence presence() {
        return presence;
    }

    public void handle(Room room, Stanza stanza, EntityFullJid sender, Optional<Resourcepart> nick,
            RoomContext context, Outbox out) {
        if (stanza instanceof Presence p) {
            presence.handle(room, p, sender, nick, context, out);
        } else if (stanza instanceof Message m) {
            messages.handle(room, m, room.occupantByRealJid(sender), nick, context, out);
        } else if (stanza instanceof Iq iq) {
            if (nick.isPresent()) {
                proxy(room, iq, sender, nick.get(), out);
            } else {
                roomIq(room, iq, sender, context, out);
            }
        }
    }

    private void roomIq(Room room, Iq iq, EntityFullJid sender, RoomContext context, Outbox out) {
        if (!iq.type().isRequest()) {
            if (iq.type() == dev.mucengine.core.stanza.IqType.UNKNOWN) {
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
        RoomIqHandler handler = query.map(q -> iqHandlers.get(q.namespace())).orElse(null);
        if (handler == null) {
            out.send(iq.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
            return;
        }
        handler.handle(room, iq, sender, query.get(), context, out);
    }

    /**
     * Iq between occupants (XEP-0045 §7.x): relayed to the target's real JID from the sender's
     * occupant JID; replies come back the same way. Only occupants may use it.
     */
    private void proxy(Room room, Iq iq, EntityFullJid sender, Resourcepart nick, Outbox out) {
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
        // XEP-0045 §7.x: vCard requests go to the user's account, everything else to the client.
        boolean vcard = iq.query().map(q -> q.namespace().equals("vcard-temp")).orElse(false);
        org.jxmpp.jid.Jid target = vcard && iq.type().isRequest() ? to.get().realJid().asBareJid() : to.get().realJid();
        out.send(iq.withAddresses(JidCreate.entityFullFrom(room.jid(), from.get().nick()), target));
    }
}
