package dev.mucengine.core.internal.message;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomTurn;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/**
 * Groupchat messages (XEP-0045 §7.4): reflected to every occupant, the sender included, from the
 * sender's occupant JID with the sender's id. Visitors in a moderated room may not speak; modules
 * may refuse a message too, and decorate it before it is sent. The payload is shared by every
 * copy: fan-out is O(occupants) in re-addressing only.
 */
final class Groupchat {

    private Groupchat() {
    }

    static void broadcast(Room room, Occupant sender, Message message, RoomContext context, Outbox out) {
        if (!sender.role().hasVoice()) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Visitors may not speak in a moderated room")));
            return;
        }
        if (message.body().map(b -> b.length() > context.limits().maxMessageLength()).orElse(false)) {
            out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("Message is too long")));
            return;
        }
        RoomTurn turn = new RoomTurn(room, context, out);
        Optional<StanzaError> refusal = room.modules().checkGroupchat(room, sender, message)
                .or(() -> room.modules().checkGroupchatReferences(turn, sender, message));
        if (refusal.isPresent()) {
            out.send(message.errorReply(refusal.get()));
            return;
        }
        Message addressed = message.withAddresses(room.occupantJid(sender.nick()), room.jid());
        // muc#stable_id: every reflected message carries an id, the sender's when it gave one.
        Message reflected = room.modules().decorateMessage(turn, sender,
                message.id().isPresent() ? addressed : addressed.withId(context.ids().nextId()));
        for (Occupant recipient : room.occupants()) {
            out.send(reflected.withTo(recipient.realJid()));
        }
        room.modules().groupchatSent(turn, sender, reflected);
    }
}
