package dev.mucengine.core.internal.admin;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Actor;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Every affiliation change, whoever asks: an admin's muc#admin request, an owner's configuration
 * form, a user registering with the room or giving its registration up. Each is checked by
 * {@link AffiliationRules} first, as a whole, and only then applied in request order
 * ({@link AffiliationEffects}); a refusal changes nothing. The actor is shown in presence only if
 * it is in the room.
 */
public final class AffiliationChanges {

    private AffiliationChanges() {
    }

    /** Changes made by {@code actor} with its privilege (muc#admin, the owner's form). */
    /** Whether {@code actor} may make these changes: the refusal {@link #apply} would give, changing nothing. */
    public static Optional<StanzaError> check(Room room, EntityFullJid actor, List<AffiliationRequest> changes,
            RoomContext context) {
        return AffiliationRules.check(room, actor, changes, context);
    }

    public static Optional<StanzaError> apply(Room room, EntityFullJid actor, List<AffiliationRequest> changes,
            RoomContext context, Outbox out) {
        Optional<StanzaError> refusal = AffiliationRules.check(room, actor, changes, context);
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<PresenceChange.Actor> shownActor = AffiliationEffects.actorOf(room, actor);
        for (AffiliationRequest change : changes) {
            AffiliationEffects.apply(room, change, shownActor, context, out);
        }
        return Optional.empty();
    }

    /**
     * A user registers (XEP-0045 §7.10): reserves {@code nick}, becoming a member unless it is
     * already one (or more). Whether the room lets this user register is the caller's check.
     */
    public static Optional<StanzaError> register(Room room, EntityFullJid user, Resourcepart nick,
            RoomContext context, Outbox out) {
        Jid bare = user.asBareJid();
        Optional<StanzaError> refusal = AffiliationRules.checkRegistration(room, bare, nick);
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<AffiliationEntry> entry = room.affiliationEntry(bare);
        Affiliation current = entry.map(AffiliationEntry::affiliation).orElse(Affiliation.NONE);
        Affiliation next = current.atLeast(Affiliation.MEMBER) ? current : Affiliation.MEMBER;
        AffiliationEffects.apply(room, new AffiliationRequest(bare, next, Optional.of(nick),
                entry.flatMap(AffiliationEntry::reason)), Optional.empty(), context, out);
        return Optional.empty();
    }

    /** A user gives its affiliation up (XEP-0045 §7.10, {@code <remove/>}); nothing to do if it has none. */
    public static Optional<StanzaError> unregister(Room room, EntityFullJid user, RoomContext context, Outbox out) {
        Jid bare = user.asBareJid();
        if (room.affiliationEntry(bare).isEmpty()) {
            return Optional.empty();
        }
        AffiliationRequest removal = new AffiliationRequest(bare, Affiliation.NONE, Optional.empty(), Optional.empty());
        Optional<StanzaError> refusal = AffiliationRules.checkOwnersRemain(room, List.of(removal));
        if (refusal.isPresent()) {
            return refusal;
        }
        AffiliationEffects.apply(room, removal, Optional.empty(), context, out);
        return Optional.empty();
    }
}
