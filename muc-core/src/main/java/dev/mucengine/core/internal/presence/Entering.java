package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomTurn;
import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Entering a room (XEP-0045 §7.2): the join checks, then the room's state to the newcomer and the
 * newcomer's presence to the others. Order (§7.1): existing occupants (join order), offline
 * members when the room shows them, the newcomer to the others, the newcomer's own presence, what
 * modules send on entry (discussion history), the subject.
 */
final class Entering {

    private Entering() {
    }

    /** A user who is not an occupant asks to enter as {@code nick}; the creator of a new room skips the checks. */
    static void enter(Room room, Presence presence, EntityFullJid user, Resourcepart nick, boolean created,
            RoomContext context, Outbox out) {
        Affiliation privilege = context.privilege(room, user);
        Optional<String> password = presence.payload(MucNamespaces.MUC, "x")
                .flatMap(x -> MucCodec.decodeJoin(x).password());
        if (!created) {
            Optional<StanzaError> refusal = JoinChecks.check(room, new JoinRequest(user, nick, privilege, password),
                    context);
            if (refusal.isPresent()) {
                out.send(presence.errorReply(refusal.get().withBy(room.jid().toString())));
                return;
            }
        }
        Optional<Occupant> joined = room.occupant(nick);
        if (joined.isPresent()) {
            // The checks passed, so the occupant is this user's (NicknameConflict): another session.
            SessionEntry.enter(room, joined.get(), presence, user, context, out);
            return;
        }
        Role role = privilege.defaultRole(room.config().moderated());
        Occupant occupant = room.add(new Occupant(nick, user, role, presence, 0));
        Set<StatusCode> codes = roomCodes(room);
        if (created) {
            codes.add(StatusCode.ROOM_CREATED);
        }
        sendRoomTo(room, occupant, out);
        PresenceChange arrival = PresenceChange.available(occupant);
        if (room.config().presenceBroadcast().contains(role)) {
            OccupantPresence.toOthers(room, arrival, out);
        }
        out.send(OccupantPresence.render(room, arrival.withCodes(codes), occupant));
        welcome(room, occupant, presence, context, out);
    }

    /** The status codes a newcomer's own presence carries about the room (§7.2.3, §7.2.12). */
    static Set<StatusCode> roomCodes(Room room) {
        Set<StatusCode> codes = EnumSet.noneOf(StatusCode.class);
        if (room.config().nonAnonymous()) {
            codes.add(StatusCode.NON_ANONYMOUS);
        }
        if (room.config().enableLogging()) {
            codes.add(StatusCode.LOGGING_ENABLED);
        }
        return codes;
    }

    /**
     * An occupant sent MUC join presence again (its client lost track of the room): it gets the
     * whole room again; the others see nothing new.
     */
    static void resync(Room room, Occupant occupant, Presence presence, RoomContext context, Outbox out) {
        Occupant updated = occupant.withPresence(presence);
        room.update(updated);
        sendRoomTo(room, updated, out);
        out.send(OccupantPresence.render(room, PresenceChange.available(updated), updated));
        welcome(room, updated, presence, context, out);
    }

    static void sendRoomTo(Room room, Occupant newcomer, Outbox out) {
        for (Occupant other : room.shownOccupants()) {
            if (!OccupantPresence.sameOccupant(other, newcomer)
                    && room.config().presenceBroadcast().contains(other.role())) {
                out.send(OccupantPresence.render(room, PresenceChange.available(other), newcomer));
            }
        }
        if (room.config().presenceBroadcast().contains(Role.NONE)) {
            // One pass over occupants, one over affiliations: O(N + A), not O(N * A).
            Set<BareJid> present = new HashSet<>();
            for (Occupant o : room.occupants()) {
                present.add(o.realJid().asBareJid());
            }
            for (AffiliationEntry entry : room.affiliations()) {
                if (entry.reservedNick().isPresent() && entry.affiliation().atLeast(Affiliation.MEMBER)
                        && !present.contains(entry.jid().asBareJid())) {
                    out.send(OfflineMemberPresence.render(room, entry, newcomer));
                }
            }
        }
    }

    /** What modules send on entry (history), then the subject, always last (§7.2.15). */
    static void welcome(Room room, Occupant occupant, Presence joinPresence, RoomContext context,
            Outbox out) {
        room.modules().entered(new RoomTurn(room, context, out), occupant, joinPresence);
        out.send(subjectFor(room, occupant.realJid(), context));
    }

    /** The current subject, or an empty one. */
    private static Message subjectFor(Room room, EntityFullJid recipient, RoomContext context) {
        if (room.subject().isPresent()) {
            return room.subject().get().withTo(recipient);
        }
        return Message.builder(MessageType.GROUPCHAT)
                .from(room.jid()).to(recipient).id(context.ids().nextId())
                .child(Element.empty(Stanza.CLIENT_NAMESPACE, "subject"))
                .build();
    }
}
