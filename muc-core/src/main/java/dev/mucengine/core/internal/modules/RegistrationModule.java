package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.internal.config.BooleanField;
import dev.mucengine.core.internal.config.SettingField;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Registering with a room (XEP-0045 §7.10, jabber:iq:register): members, admins and owners (and
 * anyone, if the room allows registration) reserve a nickname; an unaffiliated user becomes a
 * member; {@code <remove/>} gives the affiliation up. The changes go through the same affiliation
 * rules as an admin's (a taken nickname is a conflict, the last owner cannot leave); consequences
 * are sent before the iq result.
 */
final class RegistrationModule implements RoomModule {

    private static final ConfigField FIELD = new BooleanField("muc#roomconfig_allowregister",
            "Allow Users to Register with the Room?", RoomConfig::allowRegistration,
            RoomConfigBuilder::allowRegistration);

    @Override
    public String name() {
        return "registration";
    }

    private static final SettingField APPROVAL = new SettingField(RegistrationApprovals.FIELD_VAR,
            "Require an Admin's Approval of Registrations?", false);

    @Override
    public List<ConfigField> configFields() {
        return List.of(FIELD, APPROVAL);
    }

    @Override
    public List<String> protocolFeatures(RoomView room) {
        return List.of(XmppNamespaces.REGISTER);
    }

    @Override
    public Set<String> iqNamespaces() {
        return Set.of(XmppNamespaces.REGISTER);
    }

    @Override
    public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        Affiliation privilege = context.privilege(sender);
        if (privilege == Affiliation.OUTCAST) {
            context.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN).withText("You are banned from this room")));
            return;
        }
        if (!privilege.atLeast(Affiliation.MEMBER) && !context.room().config().allowRegistration()) {
            context.send(iq.errorReply(StanzaError.of(Condition.REGISTRATION_REQUIRED)
                    .withText("Only members may register with this room")));
            return;
        }
        if (iq.type() == IqType.GET) {
            context.send(iq.resultReply(RegistrationForm.query(context.room().reservedNick(sender))));
            return;
        }
        boolean remove = query.child(XmppNamespaces.REGISTER, "remove").isPresent();
        if (!remove && !privilege.atLeast(Affiliation.MEMBER) && APPROVAL.isOn(context.room().config())) {
            // A newcomer's registration waits for an admin (members only change their nickname).
            Optional<Checked<Resourcepart>> nick = requestedNick(context, query);
            if (nick.isEmpty()) {
                context.send(iq.resultReply()); // a cancelled form
            } else if (nick.get().refusal().isPresent()) {
                context.send(iq.errorReply(nick.get().refusal().get()));
            } else {
                RegistrationApprovals.hold(context, iq, new PendingRegistrations.Request(sender, nick.get().value()));
            }
            return;
        }
        Optional<StanzaError> error = remove ? context.unregister(sender) : register(context, sender, query);
        context.send(error.isPresent() ? iq.errorReply(error.get()) : iq.resultReply());
    }

    /** A muc#register form submission: an admin's decision on a held request. */
    @Override
    public boolean handlesMessage(Message message) {
        return RegistrationApprovals.isDecision(message);
    }

    @Override
    public void handleMessage(ModuleContext context, Optional<Occupant> sender, Message message) {
        RegistrationApprovals.decide(context, message);
    }

    /** The prepared nickname a submission asks for, or a refusal; empty for a cancelled form. */
    private static Optional<Checked<Resourcepart>> requestedNick(ModuleContext context, Element query) {
        Optional<Element> x = query.child(XmppNamespaces.DATA, "x");
        if (x.isEmpty()) {
            return Optional.of(Checked.refused(Condition.BAD_REQUEST, "Submit the registration form"));
        }
        DataForm form = DataForm.fromElement(x.get());
        if (form.type().equals("cancel")) {
            return Optional.empty();
        }
        Optional<String> raw = RegistrationForm.requestedNick(form);
        if (raw.isEmpty()) {
            return Optional.of(Checked.refused(Condition.BAD_REQUEST, "The form needs a nickname"));
        }
        return Optional.of(Nicknames.prepare(raw.get(), context.limits().maxNickLength()));
    }

    private static Optional<StanzaError> register(ModuleContext context, EntityFullJid user, Element query) {
        Optional<Checked<Resourcepart>> nick = requestedNick(context, query);
        if (nick.isEmpty()) {
            return Optional.empty();
        }
        return nick.get().refusal().or(() -> context.register(user, nick.get().value()));
    }
}
