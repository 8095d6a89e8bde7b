package dev.mucengine.core.internal.message;

import dev.mucengine.core.internal.presence.Exiting;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomTurn;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Dispatches messages addressed to a room or an occupant JID: an error bounce removes the
 * occupant (XEP-0045 §11.1), a message to an occupant JID is private (§7.5), groupchat is a
 * subject change (§8.1) or goes to everyone (§7.4); other messages to the room are a module's
 * (voice requests) or invitations and declines (§7.8.2).
 */
public final class RoomMessages {

    private RoomMessages() {
    }

    public static void handle(Room room, Message message, Optional<Occupant> sender, Optional<Resourcepart> nick,
            RoomContext context, Outbox out) {
        if (message.type() == MessageType.ERROR) {
            sender.ifPresent(o -> Exiting.removeAfterError(room, o, out));
            return;
        }
        if (nick.isPresent()) {
            PrivateMessages.relay(room, sender, message, nick.get(), context, out);
            return;
        }
        if (message.type() == MessageType.GROUPCHAT) {
            if (sender.isEmpty()) {
                out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                        .withText("Only occupants may send messages to the room")));
            } else if (SubjectChange.isSubjectChange(message)) {
                SubjectChange.change(room, sender.get(), message, context, out);
            } else {
                Groupchat.broadcast(room, sender.get(), message, context, out);
            }
            return;
        }
        Optional<RoomModule> module = room.modules().messageHandler(message);
        if (module.isPresent()) {
            module.get().handleMessage(new RoomTurn(room, context, out), sender, message);
            return;
        }
        Optional<Element> userX = message.payload(MucNamespaces.MUC_USER, "x");
        if (userX.isPresent()) {
            Invitations.handle(room, sender, message, userX.get(), context, out);
            return;
        }
        out.send(message.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                .withText("Messages to the room must be groupchat, invitations or declines")));
    }
}
