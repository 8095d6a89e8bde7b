package dev.mucengine.core.internal.message;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomTurn;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Private messages between occupants (XEP-0045 §7.5): relayed from the sender's occupant JID with
 * an empty muc#user {@code <x/>}; groupchat type is bad-request, an unknown nickname
 * item-not-found, and the room's allowpm policy may forbid it.
 */
final class PrivateMessages {

    private PrivateMessages() {
    }

    static void relay(Room room, Optional<Occupant> sender, Message message, Resourcepart targetNick,
            RoomContext context, Outbox out) {
        if (message.type() == MessageType.GROUPCHAT) {
            out.send(message.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("Groupchat messages must be sent to the room")));
            return;
        }
        if (sender.isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Only occupants may send private messages")));
            return;
        }
        if (!allowed(room, sender.get())) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Private messages are not allowed in this room")));
            return;
        }
        Optional<Occupant> target = room.occupant(targetNick);
        if (target.isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)
                    .withText("No occupant has that nickname")));
            return;
        }
        List<Node> children = new ArrayList<>(message.element().children());
        children.add(MucCodec.encode(MucUser.EMPTY));
        Message relayed = message.withAddresses(room.occupantJid(sender.get().nick()), target.get().realJid())
                .withChildren(children);
        Message decorated = room.modules().decorateMessage(new RoomTurn(room, context, out), sender.get(), relayed);
        // A message to the occupant JID reaches every session of the occupant (XEP-0045 §7.2.8
        // lets the service choose; one user's clients all show the conversation).
        for (Occupant session : room.sessions(target.get().nick())) {
            out.send(session.realJid().equals(target.get().realJid()) ? decorated
                    : decorated.withTo(session.realJid()));
        }
    }

    private static boolean allowed(Room room, Occupant sender) {
        return switch (room.config().allowPm()) {
            case ANYONE -> true;
            case PARTICIPANTS -> sender.role().atLeast(Role.PARTICIPANT);
            case MODERATORS -> sender.role() == Role.MODERATOR;
            case NONE -> false;
        };
    }
}
