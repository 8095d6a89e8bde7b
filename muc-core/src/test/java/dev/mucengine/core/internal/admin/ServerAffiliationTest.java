package dev.mucengine.core.internal.admin;

import static dev.mucengine.core.internal.admin.RoomFixture.ROMEO;
import static dev.mucengine.core.internal.admin.RoomFixture.adminQuery;
import static dev.mucengine.core.internal.admin.RoomFixture.full;
import static dev.mucengine.core.internal.admin.RoomFixture.iq;
import static dev.mucengine.core.internal.admin.RoomFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.stanza.IqType;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A user whose own entry goes keeps the affiliation of its server's entry (XEP-0045 §5.2), and
 * its role follows that, not the entry removed. Found by the model tests (RoomModelTest):
 * an owner through its server was made a participant, a user banned through its server stayed.
 */
class ServerAffiliationTest {

    private static final EntityFullJid CAT = full("cat@example.org/desk");

    private static RoomFixture roomWithServerEntry(Affiliation server, Affiliation own) {
        RoomFixture f = new RoomFixture().affiliate(ROMEO, Affiliation.OWNER).join("Romeo", ROMEO)
                .affiliate(JidCreate.domainBareFromOrThrowUnchecked("example.org"), server)
                .affiliate(CAT, own);
        return f.join("cat", CAT);
    }

    @Test
    void anOwnerThroughItsServerStaysAModeratorWhenItsOwnEntryGoes() {
        RoomFixture f = roomWithServerEntry(Affiliation.OWNER, Affiliation.OWNER);

        f.handle(iq(IqType.SET, ROMEO, adminQuery(item("affiliation", "none", "jid", "cat@example.org"))));

        assertThat(f.affiliationOf(CAT)).isEqualTo(Affiliation.OWNER);
        assertThat(f.occupant("cat").orElseThrow().role()).isEqualTo(Role.MODERATOR);
        assertThat(f.sent()).anySatisfy(s -> assertThat(s)
                .contains("to='cat@example.org/desk'").contains("affiliation='owner'").contains("role='moderator'"));
    }

    @Test
    void aUserBannedThroughItsServerIsRemovedWhenItsOwnEntryGoes() {
        RoomFixture f = roomWithServerEntry(Affiliation.OUTCAST, Affiliation.MEMBER);

        f.handle(iq(IqType.SET, ROMEO, adminQuery(item("affiliation", "none", "jid", "cat@example.org"))));

        assertThat(f.occupant("cat")).isEmpty();
        assertThat(f.sent()).anySatisfy(s -> assertThat(s)
                .contains("to='cat@example.org/desk'").contains("type='unavailable'").contains("code='301'"));
    }
}
