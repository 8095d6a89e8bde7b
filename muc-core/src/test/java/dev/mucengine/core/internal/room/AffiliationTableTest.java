package dev.mucengine.core.internal.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Alike in a room of few affiliations, where the table scans, and of many, where it indexes. */
class AffiliationTableTest {

    private static final int MANY = AffiliationTable.SCANNED + 5;

    private final AffiliationTable table = new AffiliationTable();

    @ParameterizedTest
    @ValueSource(ints = {3, MANY})
    void entriesAreFoundByBareJidInTheOrderTheyWereSet(int n) {
        List<AffiliationEntry> set = fill(n);

        assertThat(table.all()).containsExactlyElementsOf(set);
        for (int i = 0; i < n; i++) {
            assertThat(table.get(jid(i))).isEqualTo(set.get(i));
        }
        assertThat(table.get(jid(n))).isNull();
        assertThat(reservedBy("NICK1")).as("any form of the nickname").contains(jid(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, MANY})
    void settingAgainMovesTheEntryLastAndItsReservation(int n) {
        fill(n);
        AffiliationEntry admin = new AffiliationEntry(jid(1), Affiliation.ADMIN,
                Optional.of(Resourcepart.fromOrThrowUnchecked("boss")), Optional.empty());

        table.put(admin);

        assertThat(table.all()).hasSize(n).endsWith(admin);
        assertThat(table.get(jid(1))).isEqualTo(admin);
        assertThat(reservedBy("nick1")).isEmpty();
        assertThat(reservedBy("boss")).contains(jid(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, MANY})
    void noneRemovesTheEntryAndItsReservation(int n) {
        fill(n);

        table.put(new AffiliationEntry(jid(2), Affiliation.NONE, Optional.empty(), Optional.empty()));

        assertThat(table.get(jid(2))).isNull();
        assertThat(table.all()).hasSize(n - 1);
        assertThat(reservedBy("nick2")).isEmpty();
        for (int i = 0; i < n; i++) {
            if (i != 2) {
                assertThat(table.get(jid(i))).as("member %d", i).isNotNull();
            }
        }
    }

    private List<AffiliationEntry> fill(int n) {
        List<AffiliationEntry> set = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AffiliationEntry e = new AffiliationEntry(jid(i), Affiliation.MEMBER,
                    Optional.of(Resourcepart.fromOrThrowUnchecked("nick" + i)), Optional.empty());
            table.put(e);
            set.add(e);
        }
        return set;
    }

    private Optional<Jid> reservedBy(String nick) {
        return Optional.ofNullable(table.reservedBy(Resourcepart.fromOrThrowUnchecked(nick)));
    }

    private static Jid jid(int i) {
        return JidCreate.entityBareFromOrThrowUnchecked("member" + i + "@example.org");
    }
}
