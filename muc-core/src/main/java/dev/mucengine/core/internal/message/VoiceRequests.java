package dev.mucengine.core.internal.message;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Voice requests (XEP-0045 §7.13, §8.6): a visitor submits the muc#request form to the room; each
 * moderator receives an approval form; a moderator who submits it with muc#request_allow true
 * gives the visitor voice.
 */
public final class VoiceRequests {

    static final String ROLE = "muc#role";
    static final String JID = "muc#jid";
    static final String NICK = "muc#roomnick";
    static final String ALLOW = "muc#request_allow";

    /** True if the message carries a muc#request form. */
    public static boolean isVoiceRequest(Message message) {
        return message.payload(MucNamespaces.DATA, "x")
                .map(DataForm::fromElement)
                .flatMap(DataForm::formType)
                .filter(MucNamespaces.MUC_REQUEST::equals)
                .isPresent();
    }

    public void handle(Room room, Optional<Occupant> sender, Message message, RoomContext context, Outbox out) {
        DataForm form = DataForm.fromElement(message.payload(MucNamespaces.DATA, "x").orElseThrow());
        if (sender.isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Only occupants may request voice")));
        } else if (sender.get().role() == Role.MODERATOR && form.field(ALLOW).isPresent()) {
            approve(room, sender.get(), message, form, out);
        } else {
            request(room, sender.get(), message, context, out);
        }
    }

    private void request(Room room, Occupant visitor, Message message, RoomContext context, Outbox out) {
        if (!room.config().allowVoiceRequests()) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Voice requests are disabled in this room")));
            return;
        }
        if (visitor.role() != Role.VISITOR) {
            return; // nothing to grant: XEP-0045 defines no error for a participant asking
        }
        DataForm approval = DataForm.of("form", List.of(
                FormField.formType(MucNamespaces.MUC_REQUEST),
                FormField.of(ROLE, FieldType.LIST_SINGLE, "Requested role", List.of(Role.PARTICIPANT.wireName())),
                FormField.of(JID, FieldType.JID_SINGLE, "User ID", List.of(visitor.realJid().toString())),
                FormField.of(NICK, FieldType.TEXT_SINGLE, "Room Nickname", List.of(visitor.nick().toString())),
                FormField.of(ALLOW, FieldType.BOOLEAN, "Grant voice to this person?", List.of("false"))))
                .withTitle("Voice request");
        for (Occupant moderator : room.occupants()) {
            if (moderator.role() == Role.MODERATOR) {
                out.send(Message.builder(MessageType.NORMAL).from(room.jid()).to(moderator.realJid())
                        .id(context.ids().nextId()).child(approval.toElement()).build());
            }
        }
    }

    private void approve(Room room, Occupant moderator, Message message, DataForm form, Outbox out) {
        boolean allow = form.field(ALLOW).flatMap(FormField::value).flatMap(DataForm::parseBoolean).orElse(false);
        Optional<String> nick = form.field(NICK).flatMap(FormField::value);
        if (!allow || nick.isEmpty()) {
            return;
        }
        Optional<Occupant> visitor;
        try {
            visitor = room.occupant(Resourcepart.from(nick.get()));
        } catch (XmppStringprepException e) {
            visitor = Optional.empty();
        }
        if (visitor.isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)
                    .withText("No occupant has that nickname")));
            return;
        }
        if (visitor.get().role() != Role.VISITOR) {
            return;
        }
        Occupant voiced = visitor.get().withRole(Role.PARTICIPANT);
        room.update(voiced);
        OccupantPresence.broadcast(room, PresenceChange.available(voiced)
                .withActor(Optional.of(new PresenceChange.Actor(moderator.nick(), moderator.realJid()))), out);
    }
}
