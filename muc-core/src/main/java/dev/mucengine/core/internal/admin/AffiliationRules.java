package dev.mucengine.core.internal.admin;

import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The rules on affiliation changes, for every path that makes them: whether a batch may be made,
 * checked before anything is changed. The conditions are the ones XEP-0045 names for each case.
 */
final class AffiliationRules {

    private AffiliationRules() {
    }

    /** Changes an admin or owner asks for (muc#admin, the owner's form). */
    static Optional<StanzaError> check(Room room, Jid actor, List<AffiliationRequest> changes, RoomContext context) {
        Affiliation privilege = context.privilege(room, actor);
        if (!privilege.isAdminOrOwner()) {
            // §9 (intro): affiliation changes are for admins and owners.
            return error(Condition.FORBIDDEN, "Only admins and owners may change affiliations");
        }
        Map<Jid, AffiliationRequest> planned = new LinkedHashMap<>();
        for (AffiliationRequest change : changes) {
            Jid target = change.jid().asBareJid();
            Affiliation current = room.affiliationEntry(target).map(AffiliationEntry::affiliation)
                    .orElse(Affiliation.NONE);
            Affiliation wanted = change.affiliation();
            if (wanted == Affiliation.OUTCAST && target.equals(actor.asBareJid())) {
                // §9.1: an admin or owner who bans himself gets conflict.
                return error(Condition.CONFLICT, "You cannot ban yourself");
            }
            if (context.shieldedFrom(actor, target)
                    && (wanted == Affiliation.OUTCAST || wanted.rank() < current.rank())) {
                return error(Condition.NOT_ALLOWED, "You cannot ban or demote a service administrator");
            }
            if (privilege == Affiliation.ADMIN) {
                if (wanted == Affiliation.OUTCAST && current.isAdminOrOwner()) {
                    // §9.1: a user cannot be banned by an admin with a lower (or, here, equal) affiliation.
                    return error(Condition.NOT_ALLOWED, "You cannot ban an admin or owner");
                }
                if (wanted.isAdminOrOwner() || current.isAdminOrOwner()) {
                    // §10.3-§10.8: only owners may grant, revoke or list owners and admins.
                    return error(Condition.FORBIDDEN, "Only owners may change admins and owners");
                }
            }
            planned.put(target, change);
        }
        Optional<StanzaError> nicks = checkNicks(room, planned);
        if (nicks.isPresent()) {
            return nicks;
        }
        return checkOwnersRemain(room, planned);
    }

    /**
     * A user registering {@code nick} for itself (§7.10): an outcast may not (forbidden); a nickname
     * another user reserved, or another user's occupant is using, is a conflict.
     */
    static Optional<StanzaError> checkRegistration(Room room, Jid user, Resourcepart nick) {
        if (room.affiliation(user) == Affiliation.OUTCAST) {
            return error(Condition.FORBIDDEN, "You are banned from this room");
        }
        boolean usedByOther = room.occupant(nick).filter(o -> !o.realJid().asBareJid().equals(user)).isPresent();
        if (room.reservedByOther(nick, user) || usedByOther) {
            return error(Condition.CONFLICT, "That nickname is taken");
        }
        return Optional.empty();
    }

    /** §10.4, §10.5: the room may not be left without an owner (the last owner cannot be demoted). */
    static Optional<StanzaError> checkOwnersRemain(Room room, List<AffiliationRequest> changes) {
        Map<Jid, AffiliationRequest> planned = new LinkedHashMap<>();
        for (AffiliationRequest change : changes) {
            planned.put(change.jid().asBareJid(), change);
        }
        return checkOwnersRemain(room, planned);
    }

    /** §7.10 / §9.3: a nick reserved by another user (and not released in this batch) is a conflict. */
    private static Optional<StanzaError> checkNicks(Room room, Map<Jid, AffiliationRequest> planned) {
        Map<Resourcepart, Jid> claims = new HashMap<>();
        for (Map.Entry<Jid, AffiliationRequest> e : planned.entrySet()) {
            AffiliationRequest change = e.getValue();
            if (change.nick().isEmpty() || !change.affiliation().atLeast(Affiliation.MEMBER)) {
                continue;
            }
            Resourcepart nick = change.nick().get();
            Jid previous = claims.putIfAbsent(nick, e.getKey());
            if (previous != null && !previous.equals(e.getKey())) {
                return error(Condition.CONFLICT, "The nickname is reserved by another user");
            }
            Optional<Jid> holder = room.reservedBy(nick);
            if (room.reservedByOther(nick, e.getKey()) && !releases(planned.get(holder.orElseThrow()), nick)) {
                return error(Condition.CONFLICT, "The nickname is reserved by another user");
            }
        }
        return Optional.empty();
    }

    private static boolean releases(AffiliationRequest change, Resourcepart nick) {
        if (change == null) {
            return false;
        }
        return !change.affiliation().atLeast(Affiliation.MEMBER)
                || change.nick().isPresent() && !change.nick().get().equals(nick);
    }

    private static Optional<StanzaError> checkOwnersRemain(Room room, Map<Jid, AffiliationRequest> planned) {
        Set<Jid> owners = new HashSet<>();
        for (AffiliationEntry e : room.withAffiliation(Affiliation.OWNER)) {
            owners.add(e.jid());
        }
        if (owners.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<Jid, AffiliationRequest> e : planned.entrySet()) {
            if (e.getValue().affiliation() == Affiliation.OWNER) {
                owners.add(e.getKey());
            } else {
                owners.remove(e.getKey());
            }
        }
        return owners.isEmpty()
                ? error(Condition.CONFLICT, "The room must keep at least one owner")
                : Optional.empty();
    }

    private static Optional<StanzaError> error(Condition condition, String text) {
        return Optional.of(StanzaError.of(condition).withText(text));
    }
}
