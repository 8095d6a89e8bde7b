package dev.mucengine.core.internal.register;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomIqHandler;
import dev.mucengine.core.internal.admin.AffiliationEffects;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Registering with a room (XEP-0045 §7.10): members, admins and owners (and anyone, if the room
 * allows registration) reserve a nickname; an unaffiliated user becomes a member; {@code <remove/>}
 * gives the affiliation up. Consequences are sent before the iq result.
 */
public final class Registration implements RoomIqHandler {

    public Registration() {
    }

    @Override
    public String namespace() {
        return MucNamespaces.REGISTER;
    }

    @Override
    public void handle(Room room, Iq iq, EntityFullJid sender, Element query, RoomContext context, Outbox out) {
        Affiliation privilege = context.privilege(room, sender);
        if (privilege == Affiliation.OUTCAST) {
            out.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN).withText("You are banned from this room")));
            return;
        }
        if (!privilege.atLeast(Affiliation.MEMBER) && !room.config().allowRegistration()) {
            out.send(iq.errorReply(StanzaError.of(Condition.REGISTRATION_REQUIRED)
                    .withText("Only members may register with this room")));
            return;
        }
        if (iq.type() == IqType.GET) {
            out.send(iq.resultReply(RegistrationForm.query(room.reservedNick(sender))));
            return;
        }
        Optional<StanzaError> error = query.child(MucNamespaces.REGISTER, "remove").isPresent()
                ? unregister(room, sender.asBareJid(), context, out)
                : register(room, sender.asBareJid(), query, context, out);
        out.send(error.isPresent() ? iq.errorReply(error.get()) : iq.resultReply());
    }

    private static Optional<StanzaError> register(Room room, Jid user, Element query, RoomContext context,
            Outbox out) {
        Optional<Element> x = query.child(MucNamespaces.DATA, "x");
        if (x.isEmpty()) {
            return error(Condition.BAD_REQUEST, "Submit the registration form");
        }
        DataForm form = DataForm.fromElement(x.get());
        if (form.type().equals("cancel")) {
            return Optional.empty();
        }
        Optional<String> raw = RegistrationForm.requestedNick(form);
        if (raw.isEmpty()) {
            return error(Condition.BAD_REQUEST, "The form needs a nickname");
        }
        if (raw.get().length() > context.limits().maxNickLength()) {
            return error(Condition.NOT_ACCEPTABLE, "Nickname too long");
        }
        Resourcepart nick;
        try {
            nick = Resourcepart.from(raw.get());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return error(Condition.BAD_REQUEST, "Invalid nickname");
        }
        boolean reservedByOther = room.reservedBy(nick).filter(j -> !j.equals(user)).isPresent();
        boolean usedByOther = room.occupant(nick).filter(o -> !o.realJid().asBareJid().equals(user)).isPresent();
        if (reservedByOther || usedByOther) {
            return error(Condition.CONFLICT, "That nickname is taken");
        }
        Optional<AffiliationEntry> entry = room.affiliationEntry(user);
        Affiliation current = entry.map(AffiliationEntry::affiliation).orElse(Affiliation.NONE);
        Affiliation next = current.atLeast(Affiliation.MEMBER) ? current : Affiliation.MEMBER;
        AffiliationRequest change = new AffiliationRequest(user, next, Optional.of(nick),
                entry.flatMap(AffiliationEntry::reason));
        AffiliationEffects.apply(room, change, Optional.empty(), context, out);
        return Optional.empty();
    }

    private static Optional<StanzaError> unregister(Room room, Jid user, RoomContext context, Outbox out) {
        Optional<AffiliationEntry> entry = room.affiliationEntry(user);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get().affiliation() == Affiliation.OWNER && room.count(Affiliation.OWNER) <= 1) {
            // §10.6: the last owner cannot give ownership up.
            return error(Condition.CONFLICT, "The room must keep at least one owner");
        }
        AffiliationEffects.apply(room, new AffiliationRequest(user, Affiliation.NONE, Optional.empty(), Optional.empty()),
                Optional.empty(), context, out);
        return Optional.empty();
    }

    private static Optional<StanzaError> error(Condition condition, String text) {
        return Optional.of(StanzaError.of(condition).withText(text));
    }
}
