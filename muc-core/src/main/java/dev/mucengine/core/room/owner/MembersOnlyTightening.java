package dev.mucengine.core.room.owner;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.OccupantPresence;
import dev.mucengine.core.room.Outbox;
import dev.mucengine.core.room.PresenceChange;
import dev.mucengine.core.room.Room;
import dev.mucengine.core.room.RoomContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a room becomes members-only, occupants who are not at least members are removed
 * (XEP-0045 §9.3/§10.2): each gets unavailable presence with status 322, and so does everyone
 * still in the room. Service administrators count as owners and stay.
 */
public final class MembersOnlyTightening {

    private MembersOnlyTightening() {
    }

    /** Removes every occupant without membership, in join order; does nothing in an open room. */
    public static void removeNonMembers(Room room, RoomContext context, Outbox out) {
        if (!room.config().membersOnly()) {
            return;
        }
        List<Occupant> removed = new ArrayList<>();
        for (Occupant o : room.occupants()) {
            if (!context.privilege(room, o.realJid()).atLeast(Affiliation.MEMBER)) {
                removed.add(o);
            }
        }
        for (Occupant o : removed) {
            room.remove(o);
            PresenceChange change = PresenceChange.unavailable(o, List.of())
                    .withCodes(Set.of(StatusCode.REMOVED_MEMBERS_ONLY));
            OccupantPresence.broadcast(room, change, out);
        }
    }
}
