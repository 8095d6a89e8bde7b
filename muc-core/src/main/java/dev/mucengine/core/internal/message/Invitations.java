package dev.mucengine.core.internal.message;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Mediated invitations and declines (XEP-0045 §7.8.2, §7.8.3). The room relays an invitation
 * with the inviter's occupant JID (its real JID in a non-anonymous room), the room password if
 * any, a readable body and the legacy {@code jabber:x:conference} element for old clients.
 */
public final class Invitations {

    /** A message to the room carrying {@code <invite/>} or {@code <decline/>} elements. */
    public void handle(Room room, Optional<Occupant> sender, Message message, Element userX, RoomContext context,
            Outbox out) {
        List<Element> invites = userX.children(MucNamespaces.MUC_USER, "invite");
        if (!invites.isEmpty()) {
            invite(room, sender, message, invites, context, out);
            return;
        }
        for (Element decline : userX.children(MucNamespaces.MUC_USER, "decline")) {
            decline(room, message, decline, context, out);
        }
    }

    private void invite(Room room, Optional<Occupant> sender, Message message, List<Element> invites,
            RoomContext context, Outbox out) {
        if (sender.isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Only occupants may invite")));
            return;
        }
        Occupant inviter = sender.get();
        if (!mayInvite(room, inviter, context)) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only admins and owners may invite to this members-only room")));
            return;
        }
        for (Element invite : invites) {
            Optional<Jid> invitee = parse(invite.attribute("to"));
            if (invitee.isEmpty()) {
                out.send(message.errorReply(StanzaError.of(Condition.JID_MALFORMED)
                        .withText("The invitee's address is missing or malformed")));
                return;
            }
        }
        Jid from = room.config().nonAnonymous() ? inviter.realJid() : occupantJid(room, inviter);
        for (Element invite : invites) {
            Jid invitee = parse(invite.attribute("to")).orElseThrow();
            Optional<String> reason = invite.childText(MucNamespaces.MUC_USER, "reason").filter(r -> !r.isEmpty());
            Element.Builder relayed = Element.builder(MucNamespaces.MUC_USER, "invite").attribute("from", from.toString());
            relayed.child(Element.builder(MucNamespaces.MUC_USER, "reason").text(reason.orElse("")).build());
            Element.Builder x = Element.builder(MucNamespaces.MUC_USER, "x").child(relayed.build());
            room.config().password().ifPresent(p -> x.textChild(MucNamespaces.MUC_USER, "password", p));
            Element.Builder legacy = Element.builder(MucNamespaces.CONFERENCE, "x").attribute("jid", room.jid().toString());
            room.config().password().ifPresent(p -> legacy.attribute("password", p));
            reason.ifPresent(r -> legacy.attribute("reason", r));
            String body = from + " invited you to the room " + room.jid() + reason.map(r -> ": " + r).orElse("");
            out.send(Message.builder(MessageType.NORMAL)
                    .from(room.jid()).to(invitee).id(message.id().orElseGet(() -> context.ids().nextId()))
                    .child(x.build())
                    .textChild("body", body)
                    .child(legacy.build())
                    .build());
        }
    }

    private void decline(Room room, Message message, Element decline, RoomContext context, Outbox out) {
        Optional<Jid> inviter = parse(decline.attribute("to"));
        if (inviter.isEmpty() || message.from().isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.JID_MALFORMED)
                    .withText("The inviter's address is missing or malformed")));
            return;
        }
        Element.Builder relayed = Element.builder(MucNamespaces.MUC_USER, "decline")
                .attribute("from", message.from().get().asBareJid().toString());
        decline.child(MucNamespaces.MUC_USER, "reason").ifPresent(relayed::child);
        out.send(Message.builder(MessageType.NORMAL)
                .from(room.jid()).to(inviter.get()).id(message.id().orElseGet(() -> context.ids().nextId()))
                .child(Element.builder(MucNamespaces.MUC_USER, "x").child(relayed.build()).build())
                .build());
    }

    /** In members-only rooms only admins and owners invite, unless occupants are allowed to (allowinvites). */
    private static boolean mayInvite(Room room, Occupant inviter, RoomContext context) {
        if (!room.config().membersOnly() || room.config().allowInvites()) {
            return true;
        }
        return context.privilege(room, inviter.realJid()).atLeast(Affiliation.ADMIN) || inviter.role() == Role.MODERATOR;
    }

    private static EntityFullJid occupantJid(Room room, Occupant occupant) {
        return JidCreate.entityFullFrom(room.jid(), occupant.nick());
    }

    private static Optional<Jid> parse(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JidCreate.from(raw.get()));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
