package dev.mucengine.core.internal.message;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Changing the subject (XEP-0045 §8.1): moderators always, participants when the room allows it
 * (muc#roomconfig_changesubject); otherwise forbidden. The subject is not history: it is sent last
 * to every newcomer instead.
 */
public final class SubjectChange {

    public void change(Room room, Occupant sender, Message message, RoomContext context, Outbox out) {
        boolean allowed = sender.role() == Role.MODERATOR
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
        Message reflected = message.withAddresses(JidCreate.entityFullFrom(room.jid(), sender.nick()), room.jid());
        room.setSubject(Optional.of(reflected));
        for (Occupant recipient : room.occupants()) {
            out.send(reflected.withTo(recipient.realJid()));
        }
    }
}
