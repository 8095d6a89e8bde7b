package dev.mucengine.core.internal.message;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.presence.Exiting;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/** Dispatches messages addressed to a room or an occupant JID. */
public final class RoomMessages {

    private final Groupchat groupchat = new Groupchat();
    private final SubjectChange subjectChange = new SubjectChange();
    private final PrivateMessages privateMessages = new PrivateMessages();
    private final Invitations invitations = new Invitations();
    private final VoiceRequests voiceRequests = new VoiceRequests();
    private final Exiting exiting;

    public RoomMessages(Exiting exiting) {
        this.exiting = exiting;
    }

    public void handle(Room room, Message message, Optional<Occupant> sender, Optional<Resourcepart> nick,
            RoomContext context, Outbox out) {
        if (message.type() == MessageType.ERROR) {
            // An occupant's client bounced something the room sent it: it is gone (status 333).
            sender.ifPresent(o -> exiting.removeAfterError(room, o, out));
            return;
        }
        if (nick.isPresent()) {
            privateMessages.relay(room, sender, message, nick.get(), out);
            return;
        }
        if (message.type() == MessageType.GROUPCHAT) {
            if (sender.isEmpty()) {
                out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                        .withText("Only occupants may send messages to the room")));
            } else if (Groupchat.isSubjectChange(message)) {
                subjectChange.change(room, sender.get(), message, context, out);
            } else {
                groupchat.broadcast(room, sender.get(), message, context, out);
            }
            return;
        }
        if (VoiceRequests.isVoiceRequest(message)) {
            voiceRequests.handle(room, sender, message, context, out);
            return;
        }
        Optional<Element> userX = message.payload(MucNamespaces.MUC_USER, "x");
        if (userX.isPresent()) {
            invitations.handle(room, sender, message, userX.get(), context, out);
            return;
        }
        out.send(message.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                .withText("Messages to the room must be groupchat, invitations or declines")));
    }
}
