package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.config.BooleanField;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoleRequest;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Voice requests (XEP-0045 §7.13, §8.6): a visitor submits the muc#request form to the room;
 * each moderator receives an approval form; a moderator who submits it with
 * {@code muc#request_allow} true gives the visitor voice, as a role change of its own.
 */
final class VoiceRequestsModule implements RoomModule {

    private static final String ROLE = "muc#role";
    private static final String JID = "muc#jid";
    private static final String NICK = "muc#roomnick";
    private static final String ALLOW = "muc#request_allow";
    private static final ConfigField FIELD = new BooleanField("muc#roomconfig_allowvoicerequests",
            "Allow Visitors to Request Voice?", RoomConfig::allowVoiceRequests, RoomConfigBuilder::allowVoiceRequests);

    @Override
    public String name() {
        return "voice-requests";
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(FIELD);
    }

    @Override
    public List<String> protocolFeatures(RoomView room) {
        return room.config().allowVoiceRequests() ? List.of(MucNamespaces.MUC_REQUEST) : List.of();
    }

    /** A message carrying a muc#request form. */
    @Override
    public boolean handlesMessage(Message message) {
        return message.payload(XmppNamespaces.DATA, "x")
                .map(DataForm::fromElement)
                .flatMap(DataForm::formType)
                .filter(MucNamespaces.MUC_REQUEST::equals)
                .isPresent();
    }

    @Override
    public void handleMessage(ModuleContext context, Optional<Occupant> sender, Message message) {
        DataForm form = DataForm.fromElement(message.payload(XmppNamespaces.DATA, "x").orElseThrow());
        if (sender.isEmpty()) {
            context.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Only occupants may request voice")));
        } else if (context.actsAsModerator(sender.get().realJid()) && form.field(ALLOW).isPresent()) {
            approve(context, sender.get(), message, form);
        } else {
            request(context, sender.get(), message);
        }
    }

    private static void request(ModuleContext context, Occupant visitor, Message message) {
        if (!context.room().config().allowVoiceRequests()) {
            context.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
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
        for (Occupant moderator : context.room().occupants()) {
            if (moderator.role() == Role.MODERATOR) {
                context.send(Message.builder(MessageType.NORMAL).from(context.room().jid()).to(moderator.realJid())
                        .id(context.nextId()).child(approval.toElement()).build());
            }
        }
    }

    /** §8.6: an approval grants voice to the visitor named by the form, if it still is one. */
    private static void approve(ModuleContext context, Occupant moderator, Message message, DataForm form) {
        boolean allow = form.field(ALLOW).flatMap(FormField::value).flatMap(DataForm::parseBoolean).orElse(false);
        Optional<String> raw = form.field(NICK).flatMap(FormField::value);
        if (!allow || raw.isEmpty()) {
            return;
        }
        Checked<Resourcepart> nick = Nicknames.prepare(raw.get(), context.limits().maxNickLength());
        if (nick.refusal().isPresent()) {
            context.send(message.errorReply(nick.refusal().get()));
            return;
        }
        Optional<Occupant> visitor = context.room().occupant(nick.value());
        if (visitor.isEmpty()) {
            context.send(message.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)
                    .withText("No occupant has that nickname")));
            return;
        }
        if (visitor.get().role() != Role.VISITOR) {
            return;
        }
        context.changeRoles(moderator.realJid(), List.of(RoleRequest.byNick(nick.value(), Role.PARTICIPANT,
                Optional.empty()))).ifPresent(error -> context.send(message.errorReply(error)));
    }
}
