package dev.mucengine.core.internal.join;

import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;

/** One veto on entering a room. The first rule that objects decides the error. */
public interface JoinRule {

    /** Empty to let the user in, or the error to answer the join presence with. */
    Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context);

    /**
     * The rules in the order XEP-0045 §7.2 lists the failure cases: locked room, ban, members-only,
     * password, nickname conflicts, capacity.
     */
    static List<JoinRule> standard() {
        return List.of(new LockedRoomRule(), new BanRule(), new MembersOnlyRule(), new PasswordRule(),
                new NicknameConflictRule(), new CapacityRule());
    }
}
