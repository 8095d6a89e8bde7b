package dev.mucengine.core.internal.admin;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Removal;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Actor;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoleRequest;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * Role changes by moderators and admins (XEP-0045 §8.2-§8.5 kick and voice, §9.6-§9.8 moderator),
 * all or nothing: every item is checked against the room as it is, then all are applied in order.
 */
public final class RoleChanges {

    private record Planned(Occupant target, Role role, Optional<String> reason) {
    }

    private RoleChanges() {
    }

    /** @return empty on success, else the error to answer with (and nothing changed) */
    public static Optional<StanzaError> apply(Room room, EntityFullJid actor, List<RoleRequest> changes,
            RoomContext context, Outbox out) {
        Affiliation privilege = context.privilege(room, actor);
        if (!context.actsAsModerator(room, actor)) {
            // §8 (intro): role changes are for moderators.
            return error(Condition.FORBIDDEN, "Only moderators may change roles");
        }
        List<Planned> plan = new ArrayList<>();
        for (RoleRequest change : changes) {
            Optional<Occupant> target = find(room, change);
            if (target.isEmpty()) {
                return error(Condition.ITEM_NOT_FOUND, "No such occupant");
            }
            if (change.role() == Role.NONE && context.shieldedFrom(actor, target.get().realJid())) {
                return error(Condition.NOT_ALLOWED, "You cannot kick a service administrator");
            }
            Optional<StanzaError> refusal = check(privilege, context.privilege(room, target.get().realJid()),
                    target.get().role(), change.role());
            if (refusal.isPresent()) {
                return refusal;
            }
            plan.add(new Planned(target.get(), change.role(), change.reason()));
        }
        Optional<PresenceChange.Actor> shownActor = AffiliationEffects.actorOf(room, actor);
        for (Planned p : plan) {
            perform(room, p, shownActor, out);
        }
        return Optional.empty();
    }

    static Optional<StanzaError> check(Affiliation privilege, Affiliation targetAffiliation, Role from, Role to) {
        if (to == Role.NONE) {
            // §8.2: a user cannot be kicked by a moderator with a lower affiliation.
            return targetAffiliation.rank() > privilege.rank()
                    ? error(Condition.NOT_ALLOWED, "You cannot kick a user with a higher affiliation")
                    : Optional.empty();
        }
        if (from != to && (from == Role.MODERATOR || to == Role.MODERATOR)) {
            // Checked first: §8.4 and §9.7 say not-allowed to anyone demoting an admin or owner,
            // whatever the actor's own privilege (the request can never succeed).
            if (to != Role.MODERATOR && targetAffiliation.isAdminOrOwner()) {
                // §9.7, §9.8: moderator cannot be revoked from an admin or owner.
                return error(Condition.NOT_ALLOWED, "You cannot revoke moderator from an admin or owner");
            }
            if (!privilege.isAdminOrOwner()) {
                // §9 (intro), §9.6, §9.7: granting and revoking moderator is for admins.
                return error(Condition.FORBIDDEN, "Only admins and owners may grant or revoke moderator");
            }
            return Optional.empty();
        }
        if (to == Role.VISITOR && from != Role.VISITOR
                && (targetAffiliation.isAdminOrOwner() || targetAffiliation.rank() >= privilege.rank())) {
            // §8.4, §8.5: no voice revoked from admins, owners, or anyone at or above the moderator's level.
            return error(Condition.NOT_ALLOWED, "You cannot revoke voice from this user");
        }
        return Optional.empty();
    }

    private static void perform(Room room, Planned p, Optional<PresenceChange.Actor> actor, Outbox out) {
        Optional<Occupant> current = room.occupantByRealJid(p.target().realJid());
        if (current.isEmpty()) {
            return; // kicked by an earlier item of the same request
        }
        Occupant occupant = current.get();
        if (p.role() == Role.NONE) {
            Removal.remove(room, PresenceChange.unavailable(occupant, List.of()).withCodes(EnumSet.of(StatusCode.KICKED))
                    .withActor(actor).withReason(p.reason()), out);
            return;
        }
        if (occupant.role() == p.role()) {
            return;
        }
        // The role is the occupant's: every session of it (XEP-0045 §7.2.8) gets it.
        Occupant updated = room.setRole(occupant, p.role());
        OccupantPresence.broadcast(room,
                PresenceChange.available(updated).withActor(actor).withReason(p.reason()), out);
    }

    private static Optional<Occupant> find(Room room, RoleRequest change) {
        if (change.nick().isPresent()) {
            return room.occupant(change.nick().get());
        }
        if (change.jid().isEmpty()) {
            return Optional.empty();
        }
        Optional<Occupant> exact = room.occupantByRealJid(change.jid().get());
        if (exact.isPresent() || change.jid().get().hasResource()) {
            return exact;
        }
        return room.occupantsOf(change.jid().get()).stream().findFirst();
    }

    private static Optional<StanzaError> error(Condition condition, String text) {
        return Optional.of(StanzaError.of(condition).withText(text));
    }
}
