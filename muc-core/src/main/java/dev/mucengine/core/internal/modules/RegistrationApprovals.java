package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.ErrorType;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Registration that an admin approves (XEP-0045 §7.10 lets a service hold a registration for
 * approval; the muc#register FORM_TYPE has {@code muc#register_allow}, "Allow this person to
 * register with the room?", for the admin's answer). The request is kept
 * ({@link PendingRegistrations}) and every owner and admin gets the muc#register form in a
 * message, with the requester's JID in {@code muc#jid} (the field the muc#request approval form
 * uses for the same purpose). An admin or owner who submits it back to the room decides: allowed
 * grants membership and reserves the nickname, as a registration does; refused tells the
 * requester. XEP-0045 has no configuration field for this; the room's is
 * {@link #FIELD_VAR}, named per XEP-0068 §3.4 as not registered.
 */
final class RegistrationApprovals {

    static final String FIELD_VAR = "x-mucengine#register_approval";
    private static final String JID = "muc#jid";
    private static final String ALLOW = "muc#register_allow";

    private RegistrationApprovals() {
    }

    /** A registration request to hold: kept, the admins asked, the requester answered (the request is received). */
    static void hold(ModuleContext context, Iq iq, PendingRegistrations.Request request) {
        if (context.room().reservedByOther(request.nick(), request.user())) {
            context.send(iq.errorReply(StanzaError.of(Condition.CONFLICT).withText("That nickname is reserved")));
            return;
        }
        PendingRegistrations pending = context.roomState(PendingRegistrations.class, PendingRegistrations::new);
        if (!pending.add(request)) {
            context.send(iq.errorReply(StanzaError.of(ErrorType.WAIT, Condition.RESOURCE_CONSTRAINT)
                    .withText("Too many registration requests are awaiting approval")));
            return;
        }
        DataForm form = DataForm.of("form", List.of(
                FormField.formType(MucNamespaces.MUC_REGISTER),
                FormField.of(JID, FieldType.JID_SINGLE, "User ID", List.of(request.user().asBareJid().toString())),
                FormField.of(RegistrationForm.NICK_FIELD, FieldType.TEXT_SINGLE, "Nickname",
                        List.of(request.nick().toString())),
                FormField.of(ALLOW, FieldType.BOOLEAN, "Allow this person to register with the room?",
                        List.of("false"))))
                .withTitle("Registration request");
        for (AffiliationEntry entry : context.room().affiliations()) {
            if (entry.affiliation().isAdminOrOwner() && entry.jid().hasLocalpart()) {
                context.send(Message.builder(MessageType.NORMAL).from(context.room().jid()).to(entry.jid())
                        .id(context.nextId()).child(form.toElement()).build());
            }
        }
        // The request is taken; the requester hears the decision in a message.
        context.send(iq.resultReply());
    }

    /** Whether {@code message} carries a muc#register form (an admin's decision). */
    static boolean isDecision(Message message) {
        return message.payload(XmppNamespaces.DATA, "x").map(DataForm::fromElement)
                .flatMap(DataForm::formType).filter(MucNamespaces.MUC_REGISTER::equals).isPresent();
    }

    /** An admin's or owner's submitted form: grant or refuse the request it names. */
    static void decide(ModuleContext context, Message message) {
        Optional<Jid> admin = message.from();
        if (admin.isEmpty() || !context.privilege(admin.get()).isAdminOrOwner()) {
            context.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only admins and owners decide registration requests")));
            return;
        }
        DataForm form = DataForm.fromElement(message.payload(XmppNamespaces.DATA, "x").orElseThrow());
        Optional<BareJid> user = form.field(JID).flatMap(FormField::value).flatMap(RegistrationApprovals::bare);
        Optional<Boolean> allow = form.field(ALLOW).flatMap(FormField::value).flatMap(DataForm::parseBoolean);
        if (!form.type().equals("submit") || user.isEmpty() || allow.isEmpty()) {
            context.send(message.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("Submit the form with muc#jid and muc#register_allow")));
            return;
        }
        PendingRegistrations pending = context.roomState(PendingRegistrations.class, PendingRegistrations::new);
        Optional<PendingRegistrations.Request> request = pending.take(user.get());
        if (request.isEmpty()) {
            context.send(message.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)
                    .withText("No registration request of that user is waiting")));
            return;
        }
        if (!allow.get()) {
            tell(context, request.get(), "Your registration with this room was declined.");
            return;
        }
        Optional<StanzaError> refusal = context.register(request.get().user(), request.get().nick());
        if (refusal.isPresent()) {
            // The room changed while the request waited (the nickname taken, the user banned).
            context.send(message.errorReply(refusal.get()));
            tell(context, request.get(), "Your registration with this room could not be completed.");
            return;
        }
        tell(context, request.get(), "Your registration with this room was approved.");
    }

    private static void tell(ModuleContext context, PendingRegistrations.Request request, String text) {
        context.send(Message.builder(MessageType.NORMAL).from(context.room().jid()).to(request.user())
                .id(context.nextId()).textChild("body", text).build());
    }

    private static Optional<BareJid> bare(String raw) {
        try {
            return Optional.of(JidCreate.from(raw).asBareJid());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
