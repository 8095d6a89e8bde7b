package dev.mucengine.core.internal.message;

import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Groupchat messages (XEP-0045 §7.4): reflected to every occupant, the sender included, from the
 * sender's occupant JID with the sender's id; kept in history when they carry a body or subject.
 * The payload is shared by every copy: fan-out is O(occupants) in re-addressing only.
 */
public final class Groupchat {

    public void broadcast(Room room, Occupant sender, Message message, RoomContext context, Outbox out) {
        if (!sender.role().hasVoice()) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Visitors may not speak in a moderated room")));
            return;
        }
        if (message.body().map(b -> b.length() > context.limits().maxMessageLength()).orElse(false)) {
            out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("Message is too long")));
            return;
        }
        EntityFullJid from = JidCreate.entityFullFrom(room.jid(), sender.nick());
        Message addressed = message.withAddresses(from, room.jid());
        // muc#stable_id: every reflected message carries an id, the sender's when it gave one.
        Message reflected = message.id().isPresent() ? addressed
                : addressed.withId(context.ids().nextId());
        for (Occupant recipient : room.occupants()) {
            out.send(reflected.withTo(recipient.realJid()));
        }
        if (message.body().isPresent() || message.subject().isPresent()) {
            room.history().append(reflected, context.now());
        }
    }

    /** True for a subject change: a subject with no body (XEP-0045 §8.1) and, as a thread opener is not one, no thread. */
    public static boolean isSubjectChange(Message message) {
        return message.subject().isPresent() && message.body().isEmpty()
                && message.payload(Stanza.CLIENT_NAMESPACE, "thread").isEmpty();
    }
}
