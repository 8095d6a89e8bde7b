package dev.mucengine.core.internal.admin;

import static dev.mucengine.core.internal.admin.RoomFixture.JULIET;
import static dev.mucengine.core.internal.admin.RoomFixture.ROMEO;
import static dev.mucengine.core.internal.admin.RoomFixture.ROSALINE;
import static dev.mucengine.core.internal.admin.RoomFixture.adminQuery;
import static dev.mucengine.core.internal.admin.RoomFixture.iq;
import static dev.mucengine.core.internal.admin.RoomFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.xml.Element;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

class AdminListsTest {


    private String get(RoomFixture f, Jid from, Element item) {
        Element query = adminQuery(item);
        Iq request = iq(IqType.GET, from, query);
        f.handle(request);
        return f.sent().get(0);
    }

    @Test
    void membersOfAMembersOnlyNonAnonymousRoomMayReadTheAffiliationLists() {
        RoomFixture f = new RoomFixture(RoomConfig.defaults().toBuilder().membersOnly(true).whois(Whois.ANYONE).build())
                .affiliate(ROMEO, Affiliation.OWNER).affiliate(JULIET, Affiliation.MEMBER);

        assertThat(get(f, JULIET, item("affiliation", "owner"))).isEqualTo(
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user2@localhost/garden' id='q1'>"
                        + "<query xmlns='http://jabber.org/protocol/muc#admin'>"
                        + "<item affiliation='owner' jid='user@localhost'/></query></iq>");
        assertThat(get(f, JULIET, item("affiliation", "member"))).contains("<item affiliation='member' jid='user2@localhost'/>");
        assertThat(get(f, JULIET, item("affiliation", "outcast"))).contains("<forbidden ");
        assertThat(get(f, ROSALINE, item("affiliation", "owner"))).isEqualTo(
                "<iq xmlns='jabber:client' id='q1' from='room@conference.localhost' to='user3@localhost/street' type='error'>"
                        + "<query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='owner'/></query>"
                        + "<error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    }

    @Test
    void inAnOpenRoomMembersMayNotReadTheLists() {
        RoomFixture f = new RoomFixture().affiliate(ROMEO, Affiliation.OWNER).affiliate(JULIET, Affiliation.MEMBER);

        assertThat(get(f, JULIET, item("affiliation", "owner"))).contains("<forbidden ");
        assertThat(get(f, JULIET, item("affiliation", "member"))).contains("<forbidden ");
        assertThat(get(f, ROMEO, item("affiliation", "member"))).contains("type='result'");
    }

    @Test
    void theConfiguredRolesMayReadTheMemberList() {
        RoomFixture f = new RoomFixture(RoomConfig.defaults().toBuilder()
                .getMemberList(EnumSet.of(Role.MODERATOR, Role.PARTICIPANT)).build())
                .affiliate(JULIET, Affiliation.MEMBER, "Juliet").join("Rosaline", ROSALINE);

        assertThat(get(f, ROSALINE, item("affiliation", "member"))).contains(
                "<item affiliation='member' jid='user2@localhost' nick='Juliet'/>");
        assertThat(get(f, ROSALINE, item("affiliation", "admin"))).contains("<forbidden ");
    }

    @Test
    void listsKeepTheOrderEntriesWereSetIn() {
        RoomFixture f = new RoomFixture().affiliate(ROMEO, Affiliation.OWNER)
                .affiliate(ROSALINE, Affiliation.MEMBER).affiliate(JULIET, Affiliation.MEMBER);

        assertThat(get(f, ROMEO, item("affiliation", "member"))).contains(
                "<item affiliation='member' jid='user3@localhost'/><item affiliation='member' jid='user2@localhost'/>");
    }

    @Test
    void malformedListRequestsAreBadRequests() {
        RoomFixture f = new RoomFixture().affiliate(ROMEO, Affiliation.OWNER);

        assertThat(get(f, ROMEO, item("affiliation", "king"))).contains("<bad-request ");
        assertThat(get(f, ROMEO, item("affiliation", "none"))).contains("<bad-request ");
        assertThat(get(f, ROMEO, item("affiliation", "member", "role", "visitor"))).contains("<bad-request ");
        assertThat(get(f, ROMEO, item())).contains("<bad-request ");
    }
}
