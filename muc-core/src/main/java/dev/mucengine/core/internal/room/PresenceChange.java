package dev.mucengine.core.internal.room;

import dev.mucengine.core.muc.Destroy;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.xml.Node;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * What to tell occupants about one occupant: its state after the change, whether it became
 * unavailable, the status codes (110 is added per recipient), who did it and why.
 *
 * @param payload the presence children to carry (show, status, extensions), MUC elements excluded
 * @param actor the occupant who caused the change (kick, ban, affiliation change)
 * @param newNick for a nickname change (303), the new nickname
 * @param destroy the notice when the room is being destroyed
 */
public record PresenceChange(
        Occupant occupant,
        boolean unavailable,
        List<Node> payload,
        Set<StatusCode> codes,
        Optional<Actor> actor,
        Optional<String> reason,
        Optional<Resourcepart> newNick,
        Optional<Destroy> destroy) {

    /** The occupant who acted: real JID shown only to those allowed to see it. */
    public record Actor(Resourcepart nick, EntityFullJid realJid) {
    }

    public PresenceChange {
        payload = List.copyOf(payload);
        codes = codes.isEmpty() ? Set.of() : EnumSet.copyOf(codes);
    }

    /** The occupant's current available presence, as when it entered or changed status. */
    public static PresenceChange available(Occupant occupant) {
        return new PresenceChange(occupant, false, OccupantPresence.payloadOf(occupant.presence()), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The occupant left or was removed; its role is shown as none. */
    public static PresenceChange unavailable(Occupant occupant, List<Node> payload) {
        return new PresenceChange(occupant.withRole(Role.NONE), true, payload, Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The first half of a nickname change (XEP-0045 §7.6): unavailable from the old nickname with
     * status 303 and the new nickname in the item; the role is unchanged.
     */
    public static PresenceChange nickChange(Occupant beforeChange, Resourcepart newNick) {
        return new PresenceChange(beforeChange, true, List.of(), EnumSet.of(StatusCode.NEW_NICK), Optional.empty(),
                Optional.empty(), Optional.of(newNick), Optional.empty());
    }

    public PresenceChange withCodes(Set<StatusCode> newCodes) {
        return new PresenceChange(occupant, unavailable, payload, newCodes, actor, reason, newNick, destroy);
    }

    public PresenceChange withActor(Optional<Actor> newActor) {
        return new PresenceChange(occupant, unavailable, payload, codes, newActor, reason, newNick, destroy);
    }

    public PresenceChange withReason(Optional<String> newReason) {
        return new PresenceChange(occupant, unavailable, payload, codes, actor, newReason, newNick, destroy);
    }


    public PresenceChange withDestroy(Destroy notice) {
        return new PresenceChange(occupant, unavailable, payload, codes, actor, reason, newNick, Optional.of(notice));
    }
}
