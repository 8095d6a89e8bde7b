package dev.mucengine.core.internal.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The table behaves alike in a small room, where it scans, and in a large one, where it indexes
 * (past {@link OccupantTable#SCANNED} sessions), and across the change from one to the other.
 */
class OccupantTableTest {

    private static final Presence AVAILABLE = Presence.builder(PresenceType.AVAILABLE).build();
    private static final int LARGE = OccupantTable.SCANNED + 5;

    private final OccupantTable table = new OccupantTable();

    @ParameterizedTest
    @ValueSource(ints = {3, LARGE})
    void everySessionIsFoundByRealJidAndByAnyFormOfItsNickInJoinOrder(int n) {
        List<Occupant> added = fill(n);

        assertThat(table.all()).containsExactlyElementsOf(added);
        assertThat(table.count()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(table.byRealJid(jid(i))).contains(added.get(i));
            assertThat(table.occupant(nick("U" + i))).as("RFC 8266 §2.3: case does not matter").contains(added.get(i));
        }
        assertThat(table.byRealJid(jid(n))).isEmpty();
        assertThat(table.occupant(nick("nobody"))).isEmpty();
        assertThat(added).extracting(Occupant::joinSequence).doesNotHaveDuplicates().isSorted();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, LARGE})
    void aSecondSessionJoinsTheOccupantWithItsNickRoleAndPlace(int n) {
        List<Occupant> added = fill(n);
        EntityFullJid phone = JidCreate.entityFullFromOrThrowUnchecked("user1@example.org/phone");

        Occupant session = table.add(new Occupant(nick("U1"), phone, Role.VISITOR, AVAILABLE, 0));

        assertThat(session.nick()).isEqualTo(nick("u1"));
        assertThat(session.role()).isEqualTo(Role.PARTICIPANT);
        assertThat(session.joinSequence()).isEqualTo(added.get(1).joinSequence());
        assertThat(table.count()).isEqualTo(n);
        assertThat(table.sessions(nick("u1"))).containsExactly(added.get(1), session);
        assertThat(table.shown()).hasSize(n).doesNotContain(session);
        assertThat(table.sessionsOf(phone.asBareJid())).containsExactly(added.get(1), session);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, LARGE})
    void aRenameOrARoleReachesEverySessionAndKeepsTheirPlaces(int n) {
        fill(n);
        table.add(new Occupant(nick("u1"), JidCreate.entityFullFromOrThrowUnchecked("user1@example.org/phone"),
                Role.PARTICIPANT, AVAILABLE, 0));

        Occupant renamed = table.rename(table.occupant(nick("u1")).orElseThrow(), nick("Zed"));
        table.setRole(renamed, Role.MODERATOR);

        assertThat(table.occupant(nick("u1"))).isEmpty();
        assertThat(table.sessions(nick("zed"))).extracting(Occupant::nick, Occupant::role)
                .containsOnly(tuple(nick("Zed"), Role.MODERATOR)).hasSize(2);
        assertThat(table.all()).extracting(Occupant::realJid).startsWith(jid(0), jid(1), jid(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, LARGE})
    void anUpdateReplacesOnePresenceInPlace(int n) {
        fill(n);
        Occupant away = table.byRealJid(jid(2)).orElseThrow().withPresence(Presence.builder(PresenceType.AVAILABLE)
                .textChild("show", "away").build());

        table.update(away);

        assertThat(new ArrayList<>(table.all()).get(2)).isEqualTo(away);
        assertThat(table.occupant(nick("u2"))).contains(away);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, LARGE})
    void removingSessionsOneByOneKeepsTheRestFoundToTheLast(int n) {
        List<Occupant> added = fill(n);

        for (int i = 0; i < n; i++) {
            table.removeSession(added.get(i));
            assertThat(table.count()).isEqualTo(n - i - 1);
            assertThat(table.occupant(nick("u" + i))).isEmpty();
            for (int j = i + 1; j < n; j++) {
                assertThat(table.byRealJid(jid(j))).contains(added.get(j));
                assertThat(table.occupant(nick("u" + j))).contains(added.get(j));
            }
        }
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.all()).isEmpty();
    }

    private List<Occupant> fill(int n) {
        List<Occupant> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            added.add(table.add(new Occupant(nick("u" + i), jid(i), Role.PARTICIPANT, AVAILABLE, 0)));
        }
        return added;
    }

    private static EntityFullJid jid(int i) {
        return JidCreate.entityFullFromOrThrowUnchecked("user" + i + "@example.org/desk");
    }

    private static Resourcepart nick(String nick) {
        return Resourcepart.fromOrThrowUnchecked(nick);
    }
}
