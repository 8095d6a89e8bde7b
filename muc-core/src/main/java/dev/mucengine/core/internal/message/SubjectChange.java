package dev.mucengine.core.internal.message;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomTurn;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;

/**
 * Changing the subject (XEP-0045 §8.1, §7.3): moderators always, participants when the room
 * allows it (muc#roomconfig_changesubject); otherwise forbidden. The subject is not history: it
 * is sent last to every newcomer instead.
 */
final class SubjectChange {

    private SubjectChange() {
    }

    /** True for a subject change: a subject with no body (§8.1) and, as a thread opener is not one, no thread. */
    static boolean isSubjectChange(Message message) {
        return message.subject().isPresent() && message.body().isEmpty()
                && message.payload(Stanza.CLIENT_NAMESPACE, "thread").isEmpty();
    }

    static void change(Room room, Occupant sender, Message message, RoomContext context, Outbox out) {
        boolean allowed = context.actsAsModerator(room, sender.realJid())
                || room.config().changeSubject() && sender.role().hasVoice();
        if (!allowed) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("You are not allowed to change the subject")));
            return;
        }
        if (message.subject().orElse("").length() > context.limits().maxSubjectLength()) {
            out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("Subject is too long")));
            return;
        }
        RoomTurn turn = new RoomTurn(room, context, out);
        Message reflected = room.modules().decorateMessage(turn, sender,
                message.withAddresses(room.occupantJid(sender.nick()), room.jid()));
        room.setSubject(Optional.of(reflected));
        for (Occupant recipient : room.occupants()) {
            out.send(reflected.withTo(recipient.realJid()));
        }
        room.modules().subjectChanged(turn, sender, reflected);
    }
}
