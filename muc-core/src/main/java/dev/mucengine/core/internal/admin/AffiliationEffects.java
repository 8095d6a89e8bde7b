package dev.mucengine.core.internal.admin;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Removal;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Actor;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The consequences of an affiliation change that {@link AffiliationRules} allowed: the entry
 * stored, a squatter of a newly reserved nick evicted, the user's occupants updated or removed,
 * or (if the user is not in the room) a notice to the occupants who may see real JIDs. Only
 * {@link AffiliationChanges} calls it, after the rules.
 */
final class AffiliationEffects {

    /** The reason given to an occupant removed because another user reserved its nickname. */
    static final String NICK_RESERVED_REASON = "This nickname is reserved";

    private AffiliationEffects() {
    }

    /** The {@code <actor/>} for a change made by {@code actor}: only an occupant has a nick to show. */
    static Optional<PresenceChange.Actor> actorOf(Room room, Jid actor) {
        return room.occupantByRealJid(actor).map(o -> new PresenceChange.Actor(o.nick(), o.realJid()));
    }

    /**
     * Stores one change and sends its consequences. A nick is kept only for members, admins and
     * owners; without a nick in the request, an existing reservation is kept (XEP-0045 §9.1: an
     * outcast loses it).
     */
    static void apply(Room room, AffiliationRequest request, Optional<PresenceChange.Actor> actor,
            RoomContext context, Outbox out) {
        Jid target = request.jid().asBareJid();
        Affiliation after = request.affiliation();
        // What each affected session had, its server's entry included (§5.2): the role follows the
        // affiliation a session ends up with, not the entry changed.
        Map<EntityFullJid, Affiliation> before = new HashMap<>();
        for (Occupant occupant : occupantsAffected(room, target)) {
            before.put(occupant.realJid(), room.affiliation(occupant.realJid()));
        }
        boolean keepsNick = after.atLeast(Affiliation.MEMBER);
        Optional<Resourcepart> nick = keepsNick ? request.nick().or(() -> room.reservedNick(target)) : Optional.empty();
        room.setAffiliation(new AffiliationEntry(target, after, nick, request.reason()));
        if (keepsNick && request.nick().isPresent()) {
            evictSquatter(room, target, request.nick().get(), out);
        }
        List<Occupant> affected = occupantsAffected(room, target);
        Set<Long> handled = new HashSet<>();
        if (affected.isEmpty()) {
            notifyOccupants(room, target, after, request.reason(), context, out);
            return;
        }
        for (Occupant occupant : affected) {
            if (room.occupantByRealJid(occupant.realJid()).isEmpty() || !handled.add(occupant.joinSequence())) {
                continue; // another session of an occupant already updated or removed
            }
            update(room, occupant, before.getOrDefault(occupant.realJid(), Affiliation.NONE), request.reason(), actor,
                    context, out);
        }
    }

    private static void remove(Room room, Occupant occupant, Set<StatusCode> codes,
            Optional<PresenceChange.Actor> actor, Optional<String> reason, Outbox out) {
        Removal.remove(room, PresenceChange.unavailable(occupant, List.of()).withCodes(codes).withActor(actor)
                .withReason(reason), out);
    }

    /**
     * §9.1: a banned user is removed (301), unless a service administrator; §9.4: in a
     * members-only room, a user who is no longer a member is removed (321); otherwise the role
     * follows the new affiliation. Each is decided on the affiliation the session now has, which
     * is its server's when its own entry went (§5.2).
     */
    private static void update(Room room, Occupant occupant, Affiliation before, Optional<String> reason,
            Optional<PresenceChange.Actor> actor, RoomContext context, Outbox out) {
        boolean serviceAdmin = context.isServiceAdmin(occupant.realJid());
        Affiliation effective = serviceAdmin ? Affiliation.OWNER : room.affiliation(occupant.realJid());
        if (effective == Affiliation.OUTCAST) {
            remove(room, occupant, EnumSet.of(StatusCode.BANNED), actor, reason, out);
            return;
        }
        if (room.config().membersOnly() && !effective.atLeast(Affiliation.MEMBER)) {
            remove(room, occupant, EnumSet.of(StatusCode.REMOVED_AFFILIATION), actor, reason, out);
            return;
        }
        // A downgrade resets the role; an upgrade only raises it (a granted moderator stays one).
        Role standard = effective.defaultRole(room.config().moderated());
        Role role = occupant.role();
        if (effective.rank() < before.rank() || standard.rank() > role.rank()) {
            role = standard;
        }
        Occupant updated = room.setRole(occupant, role);
        OccupantPresence.broadcast(room, PresenceChange.available(updated).withActor(actor).withReason(reason), out);
    }

    /** An occupant using a nick that is now reserved for someone else is kicked (307, no actor). */
    private static void evictSquatter(Room room, Jid owner, Resourcepart nick, Outbox out) {
        Optional<Occupant> squatter = room.occupant(nick);
        if (squatter.isPresent() && !squatter.get().realJid().asBareJid().equals(owner)) {
            remove(room, squatter.get(), EnumSet.of(StatusCode.KICKED), Optional.empty(),
                    Optional.of(NICK_RESERVED_REASON), out);
        }
    }

    /** The user's own occupants; for a server JID, the occupants of that server without an entry of their own. */
    private static List<Occupant> occupantsAffected(Room room, Jid target) {
        if (target.hasLocalpart()) {
            return room.occupantsOf(target);
        }
        List<Occupant> result = new ArrayList<>();
        for (Occupant o : room.occupants()) {
            if (o.realJid().asDomainBareJid().equals(target) && room.affiliationEntry(o.realJid()).isEmpty()) {
                result.add(o);
            }
        }
        return result;
    }

    /**
     * A user who is not in the room changed affiliation (§9.3, §9.4): a message from the room to
     * every occupant who may see real JIDs, with the item and, for a ban, status 301.
     */
    private static void notifyOccupants(Room room, Jid target, Affiliation after, Optional<String> reason,
            RoomContext context, Outbox out) {
        MucItem item = MucItem.EMPTY.withAffiliation(after).withJid(target);
        if (reason.isPresent()) {
            item = item.withReason(reason.get());
        }
        Set<StatusCode> codes = after == Affiliation.OUTCAST ? EnumSet.of(StatusCode.BANNED) : Set.of();
        Element payload = MucCodec.encode(MucUser.of(codes, item));
        for (Occupant recipient : room.occupants()) {
            if (room.seesRealJids(recipient)) {
                out.send(Message.builder(MessageType.NORMAL)
                        .from(room.jid()).to(recipient.realJid()).id(context.ids().nextId())
                        .child(payload)
                        .build());
            }
        }
    }
}
