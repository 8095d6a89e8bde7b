package dev.mucengine.core.internal.admin;

import static dev.mucengine.core.internal.admin.RoomFixture.JULIET;
import static dev.mucengine.core.internal.admin.RoomFixture.ROMEO;
import static dev.mucengine.core.internal.admin.RoomFixture.ROSALINE;
import static dev.mucengine.core.internal.admin.RoomFixture.TYBALT;
import static dev.mucengine.core.internal.admin.RoomFixture.adminQuery;
import static dev.mucengine.core.internal.admin.RoomFixture.iq;
import static dev.mucengine.core.internal.admin.RoomFixture.item;
import static dev.mucengine.core.internal.admin.RoomFixture.itemWithReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

class RoleChangesTest {


    private List<String> set(RoomFixture f, Jid from, Element... items) {
        Element query = adminQuery(items);
        Iq request = iq(IqType.SET, from, query);
        f.handle(request);
        return f.sent();
    }

    /** Romeo owner, Juliet participant, Rosaline moderator without affiliation, Tybalt admin; moderated room. */
    private static RoomFixture room() {
        return new RoomFixture(RoomConfig.defaults().toBuilder().moderated(true).build())
                .affiliate(ROMEO, Affiliation.OWNER).affiliate(TYBALT, Affiliation.ADMIN)
                .join("Romeo", ROMEO).join("Juliet", JULIET, Role.PARTICIPANT)
                .join("Rosaline", ROSALINE, Role.MODERATOR).join("Tybalt", TYBALT);
    }

    @Test
    void kickRemovesTheOccupantWith307ActorAndReason() {
        RoomFixture f = room();

        List<String> sent = set(f, ROMEO, itemWithReason("Avaunt!", "nick", "Juliet", "role", "none"));

        assertThat(sent).hasSize(5);
        assertThat(sent.get(0)).isEqualTo(
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user@localhost/balcony'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='307'/><item affiliation='none' role='none' jid='user2@localhost/garden'>"
                        + "<actor nick='Romeo' jid='user@localhost/balcony'/><reason>Avaunt!</reason></item></x></presence>");
        assertThat(sent.get(3)).isEqualTo(
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user2@localhost/garden'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='307'/><item affiliation='none' role='none' jid='user2@localhost/garden'>"
                        + "<actor nick='Romeo'/><reason>Avaunt!</reason></item><status code='110'/></x></presence>");
        assertThat(sent.get(4)).isEqualTo(
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user@localhost/balcony' id='q1'/>");
        assertThat(f.occupant("Juliet")).isEmpty();
    }

    @Test
    void revokingAndGrantingVoiceBroadcastsTheNewRole() {
        RoomFixture f = room();

        List<String> sent = set(f, ROMEO, item("nick", "Juliet", "role", "visitor"));

        assertThat(sent.get(0)).isEqualTo(
                "<presence xmlns='jabber:client' from='room@conference.localhost/Juliet' to='user@localhost/balcony'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<item affiliation='none' role='visitor' jid='user2@localhost/garden'>"
                        + "<actor nick='Romeo' jid='user@localhost/balcony'/></item></x></presence>");
        assertThat(f.occupant("Juliet").orElseThrow().role()).isEqualTo(Role.VISITOR);

        set(f, ROSALINE, itemWithReason("A worthy witch", "nick", "Juliet", "role", "participant"));
        assertThat(f.occupant("Juliet").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void moderatorsAreGrantedAndRevokedByAdminsOnly() {
        RoomFixture f = room();

        assertThat(set(f, ROSALINE, item("nick", "Juliet", "role", "moderator")).get(0)).contains("<forbidden ");
        assertThat(set(f, TYBALT, item("nick", "Juliet", "role", "moderator"))).last().asString().contains("type='result'");
        assertThat(f.occupant("Juliet").orElseThrow().role()).isEqualTo(Role.MODERATOR);
        assertThat(set(f, ROSALINE, item("nick", "Juliet", "role", "participant")).get(0)).contains("<forbidden ");
        set(f, TYBALT, item("jid", "user2@localhost/garden", "role", "participant"));
        assertThat(f.occupant("Juliet").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void permissionErrorsFollowXep0045() {
        RoomFixture f = room();

        // §8 intro: not a moderator.
        assertThat(set(f, JULIET, item("nick", "Rosaline", "role", "none")).get(0)).contains("<forbidden ");
        // §8.2: a moderator without affiliation cannot kick an admin or an owner.
        assertThat(set(f, ROSALINE, item("nick", "Tybalt", "role", "none")).get(0)).contains("<not-allowed ");
        // §8.2: an admin cannot kick an owner.
        assertThat(set(f, TYBALT, item("nick", "Romeo", "role", "none")).get(0)).contains("<not-allowed ");
        // §8.4: nobody revokes voice from an admin or owner.
        assertThat(set(f, ROMEO, item("nick", "Tybalt", "role", "visitor")).get(0)).contains("<not-allowed ");
        // §9.7: moderator cannot be revoked from an admin.
        assertThat(set(f, ROMEO, item("nick", "Tybalt", "role", "participant")).get(0)).contains("<not-allowed ");
        // No such occupant.
        assertThat(set(f, ROMEO, item("nick", "Mercutio", "role", "none")).get(0)).contains("<item-not-found ");
        // Neither or both of nick and jid, or an unknown role.
        assertThat(set(f, ROMEO, item("role", "none")).get(0)).contains("<bad-request ");
        assertThat(set(f, ROMEO, item("role", "none", "nick", "Juliet", "jid", "user2@localhost/garden")).get(0))
                .contains("<bad-request ");
        assertThat(set(f, ROMEO, item("role", "jester", "nick", "Juliet")).get(0)).contains("<bad-request ");
        assertThat(f.room.occupantCount()).isEqualTo(4);
    }

    @Test
    void oneRefusedItemChangesNoRole() {
        RoomFixture f = room();

        List<String> sent = set(f, ROSALINE, item("nick", "Juliet", "role", "visitor"), item("nick", "Romeo", "role", "none"));

        assertThat(sent).hasSize(1);
        assertThat(f.occupant("Juliet").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void roleListsAreForModerators() {
        RoomFixture f = room();
        Element query = adminQuery(item("role", "moderator"));

        Iq fromRosaline = iq(IqType.GET, ROSALINE, query);
        f.handle(fromRosaline);
        Iq fromJuliet = iq(IqType.GET, JULIET, query);
        f.handle(fromJuliet);

        List<String> sent = f.sent();
        assertThat(sent.get(0)).isEqualTo(
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user3@localhost/street' id='q1'>"
                        + "<query xmlns='http://jabber.org/protocol/muc#admin'>"
                        + "<item affiliation='owner' role='moderator' jid='user@localhost/balcony' nick='Romeo'/>"
                        + "<item affiliation='none' role='moderator' jid='user3@localhost/street' nick='Rosaline'/>"
                        + "<item affiliation='admin' role='moderator' jid='tybalt@localhost/sword' nick='Tybalt'/>"
                        + "</query></iq>");
        assertThat(sent.get(1)).contains("<forbidden ");
    }
}
