package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The invariants of one room's state, checked after every step (issue 10). */
final class RoomInvariants {

    private RoomInvariants() {
    }

    private static String bare(String realJid) {
        return realJid.substring(0, realJid.indexOf('/'));
    }

    static void check(String room, RoomState state) {
        if (!state.exists()) {
            return;
        }
        // A nickname is one occupant: several sessions may share it (XEP-0045 §7.2.8), but only
        // one user's, and they share the occupant's role.
        Map<String, RoomState.Occupant> nicks = new HashMap<>();
        Set<String> sessions = new HashSet<>();
        for (RoomState.Occupant o : state.occupants()) {
            String who = room + "/" + o.nick() + " (" + o.realJid() + ")";
            RoomState.Occupant first = nicks.putIfAbsent(o.nick(), o);
            if (first != null) {
                assertThat(bare(o.realJid())).as("one user per nickname: %s and %s", who, first.realJid())
                        .isEqualTo(bare(first.realJid()));
                assertThat(o.role()).as("one role per occupant: %s and %s", who, first.realJid())
                        .isEqualTo(first.role());
            }
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
