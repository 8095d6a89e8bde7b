package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import java.util.HashSet;
import java.util.Set;

/** The invariants of one room's state, checked after every step (issue 10). */
final class RoomInvariants {

    private RoomInvariants() {
    }

    static void check(String room, RoomState state) {
        if (!state.exists()) {
            return;
        }
        Set<String> nicks = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        for (RoomState.Occupant o : state.occupants()) {
            String who = room + "/" + o.nick() + " (" + o.realJid() + ")";
            assertThat(nicks.add(o.nick())).as("one occupant per nickname: %s", who).isTrue();
            assertThat(sessions.add(o.realJid())).as("one occupant per session: %s", who).isTrue();
            Affiliation affiliation = state.affiliationOf(o.realJid());
            assertThat(o.affiliation()).as("the affiliation shown for %s is its list's", who).isEqualTo(affiliation);
            assertThat(affiliation).as("no banned occupant: %s", who).isNotEqualTo(Affiliation.OUTCAST);
            if (affiliation.isAdminOrOwner()) {
                assertThat(o.role()).as("admins and owners are moderators: %s", who).isEqualTo(Role.MODERATOR);
            }
            if (state.config().membersOnly()) {
                assertThat(affiliation.atLeast(Affiliation.MEMBER))
                        .as("no occupant of a members-only room without membership: %s", who).isTrue();
            }
        }
        assertThat(state.affiliations()).as("%s keeps an owner", room).containsValue(Affiliation.OWNER);
        if (!state.config().persistent()) {
            assertThat(state.occupants()).as("an empty temporary room %s is gone", room).isNotEmpty();
        }
    }
}
