package dev.mucengine.core.internal.message;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Decline;
import dev.mucengine.core.muc.Invite;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.Jid;

/**
 * Mediated invitations and declines (XEP-0045 §7.8.2). The room relays an invitation with the
 * inviter's occupant JID (its real JID in a non-anonymous room), the room password if any, a
 * readable body and the legacy {@code jabber:x:conference} element for old clients.
 *
 * <p>Bounded against abuse: one invitation or one decline per message (§7.8.2 shows one), and a
 * decline only from someone the room invited, relayed only to that inviter, once
 * ({@link PendingInvitations}); otherwise a stranger could make the room send a victim any
 * number of declines.
 */
final class Invitations {

    private static final String INVITEE_MALFORMED = "The invitee's address is missing or malformed";
    private static final String INVITER_MALFORMED = "The inviter's address is missing or malformed";
    private static final String ONE_EACH = "One invitation, or one decline, per message";

    private Invitations() {
    }

    /** A message to the room carrying {@code <invite/>} or {@code <decline/>} elements. */
    static void handle(Room room, Optional<Occupant> sender, Message message, Element userX, RoomContext context,
            Outbox out) {
        boolean invites = !userX.children(MucNamespaces.MUC_USER, "invite").isEmpty();
        if (invites && sender.isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("Only occupants may invite")));
            return;
        }
        if (invites && !mayInvite(room, sender.get(), context)) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only moderators may invite to this members-only room")));
            return;
        }
        Checked<MucUser> decoded = MucCodec.decodeUser(userX);
        if (decoded.refusal().isPresent()) {
            out.send(message.errorReply(decoded.refusal().get().withText(invites ? INVITEE_MALFORMED : INVITER_MALFORMED)));
        } else if (decoded.value().invites().size() + decoded.value().declines().size() != 1) {
            out.send(message.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText(ONE_EACH)));
        } else if (invites) {
            invite(room, sender.get(), message, decoded.value().invites().get(0), context, out);
        } else {
            decline(room, message, decoded.value().declines().get(0), context, out);
        }
    }

    private static void invite(Room room, Occupant inviter, Message message, Invite invite,
            RoomContext context, Outbox out) {
        if (invite.to().isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.JID_MALFORMED).withText(INVITEE_MALFORMED)));
            return;
        }
        Jid from = room.config().nonAnonymous() ? inviter.realJid() : room.occupantJid(inviter.nick());
        Optional<String> password = room.config().password();
        pending(room).record(invite.to().get(), inviter.realJid(), from);
        Optional<String> reason = invite.reason().filter(r -> !r.isEmpty());
        MucUser x = new MucUser(Set.of(), Optional.empty(),
                List.of(new Invite(Optional.of(from), Optional.empty(), Optional.of(reason.orElse("")))),
                List.of(), List.of(), password);
        ElementBuilder legacy = Element.builder(XmppNamespaces.CONFERENCE, "x")
                .attribute("jid", room.jid().toString());
        password.ifPresent(p -> legacy.attribute("password", p));
        reason.ifPresent(r -> legacy.attribute("reason", r));
        String body = from + " invited you to the room " + room.jid() + reason.map(r -> ": " + r).orElse("");
        out.send(Message.builder(MessageType.NORMAL)
                .from(room.jid()).to(invite.to().orElseThrow())
                .id(message.id().orElseGet(() -> context.ids().nextId()))
                .child(MucCodec.encode(x))
                .textChild("body", body)
                .child(legacy.build())
                .build());
    }

    private static void decline(Room room, Message message, Decline decline, RoomContext context, Outbox out) {
        if (message.from().isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.JID_MALFORMED).withText(INVITER_MALFORMED)));
            return;
        }
        Optional<Jid> inviter = pending(room).take(message.from().get(), decline.to());
        if (inviter.isEmpty()) {
            out.send(message.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("You hold no invitation from the room to decline")));
            return;
        }
        Decline relayed = new Decline(Optional.of(message.from().get().asBareJid()), Optional.empty(),
                decline.reason());
        out.send(Message.builder(MessageType.NORMAL)
                .from(room.jid()).to(inviter.get()).id(message.id().orElseGet(() -> context.ids().nextId()))
                .child(MucCodec.encode(new MucUser(Set.of(), Optional.empty(), List.of(), List.of(relayed), List.of(),
                        Optional.empty())))
                .build());
    }

    private static PendingInvitations pending(Room room) {
        return room.moduleState(PendingInvitations.class, PendingInvitations::new);
    }

    /** In members-only rooms only those who may act as moderators invite, unless the room allows occupants to. */
    private static boolean mayInvite(Room room, Occupant inviter, RoomContext context) {
        if (!room.config().membersOnly() || room.config().allowInvites()) {
            return true;
        }
        return context.actsAsModerator(room, inviter.realJid());
    }
}
