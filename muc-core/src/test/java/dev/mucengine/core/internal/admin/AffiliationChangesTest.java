package dev.mucengine.core.internal.admin;

import static dev.mucengine.core.internal.admin.RoomFixture.JULIET;
import static dev.mucengine.core.internal.admin.RoomFixture.ROMEO;
import static dev.mucengine.core.internal.admin.RoomFixture.ROSALINE;
import static dev.mucengine.core.internal.admin.RoomFixture.SERVICE_ADMIN;
import static dev.mucengine.core.internal.admin.RoomFixture.TYBALT;
import static dev.mucengine.core.internal.admin.RoomFixture.adminQuery;
import static dev.mucengine.core.internal.admin.RoomFixture.iq;
import static dev.mucengine.core.internal.admin.RoomFixture.item;
import static dev.mucengine.core.internal.admin.RoomFixture.itemWithReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.internal.room.RoomTurn;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

class AffiliationChangesTest {

    static final String RESULT_TO_ROMEO =
            "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user@localhost/balcony' id='q1'/>";


    private List<String> set(RoomFixture f, Jid from, Element... items) {
        Element query = adminQuery(items);
        Iq request = iq(IqType.SET, from, query);
        f.handle(request);
        return f.sent();
    }

    static String error(String condition, String type, String text, String query, String to) {
        return "<iq xmlns='jabber:client' id='q1' from='room@conference.localhost' to='" + to + "' type='error'>"
                + query + "<error type='" + type + "'><" + condition
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>"
                + text + "</text></error></iq>";
    }

    private static RoomFixture romeoOwnerInRoom() {
        return new RoomFixture().affiliate(ROMEO, Affiliation.OWNER).join("Romeo", ROMEO);
    }

    @Test
    void memberGrantedToAbsentUserNotifiesJidSeersThenAnswers() {
        RoomFixture f = romeoOwnerInRoom().join("Rosaline", ROSALINE);

        assertThat(set(f, ROMEO, item("affiliation", "member", "jid", "user2@localhost"))).containsExactly(
                "<message xmlns='jabber:client' from='room@conference.localhost' to='user@localhost/balcony' id='id1'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<item affiliation='member' jid='user2@localhost'/></x></message>",
                RESULT_TO_ROMEO);
        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.MEMBER);
    }

    @Test
    void nonAnonymousRoomNotifiesEveryOccupant() {
        RoomFixture f = new RoomFixture(RoomConfig.defaults().toBuilder().whois(Whois.ANYONE).build())
                .affiliate(ROMEO, Affiliation.OWNER).join("Romeo", ROMEO).join("Rosaline", ROSALINE);

        List<String> sent = set(f, ROMEO, item("affiliation", "member", "jid", "user2@localhost"));

        assertThat(sent).hasSize(3);
        assertThat(sent.get(1)).contains("to='user3@localhost/street' id='id2'");
    }

    @Test
    void banOfAbsentUserCarries301AndReasonAndIsListedWithIt() {
        RoomFixture f = romeoOwnerInRoom();

        assertThat(set(f, ROMEO, itemWithReason("Hey calm down", "affiliation", "outcast", "jid", "tybalt@localhost")))
                .containsExactly(
                        "<message xmlns='jabber:client' from='room@conference.localhost' to='user@localhost/balcony' id='id1'>"
                                + "<x xmlns='http://jabber.org/protocol/muc#user'><status code='301'/>"
                                + "<item affiliation='outcast' jid='tybalt@localhost'><reason>Hey calm down</reason></item>"
                                + "</x></message>",
                        RESULT_TO_ROMEO);

        Element query = adminQuery(item("affiliation", "outcast"));
        Iq request = iq(IqType.GET, ROMEO, query);
        f.handle(request);
        assertThat(f.sent()).containsExactly(
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user@localhost/balcony' id='q1'>"
                        + "<query xmlns='http://jabber.org/protocol/muc#admin'>"
                        + "<item affiliation='outcast' jid='tybalt@localhost'><reason>Hey calm down</reason></item>"
                        + "</query></iq>");
    }

    @Test
    void banOfOccupantRemovesItWith301ActorAndReason() {
        RoomFixture f = romeoOwnerInRoom().join("Tybalt", TYBALT);

        assertThat(set(f, ROMEO, itemWithReason("Brawling", "affiliation", "outcast", "jid", "tybalt@localhost")))
                .containsExactly(
                        "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Tybalt' "
                                + "to='user@localhost/balcony'><x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<status code='301'/><item affiliation='outcast' role='none' jid='tybalt@localhost/sword'>"
                                + "<actor nick='Romeo' jid='user@localhost/balcony'/><reason>Brawling</reason></item></x></presence>",
                        "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Tybalt' "
                                + "to='tybalt@localhost/sword'><x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<status code='301'/><item affiliation='outcast' role='none' jid='tybalt@localhost/sword'>"
                                + "<actor nick='Romeo'/><reason>Brawling</reason></item><status code='110'/></x></presence>",
                        RESULT_TO_ROMEO);
        assertThat(f.occupant("Tybalt")).isEmpty();
    }

    @Test
    void memberGrantedToOccupantShowsActorJidOnlyToModerators() {
        RoomFixture f = romeoOwnerInRoom().join("Rosaline", ROSALINE);

        assertThat(set(f, ROMEO, item("affiliation", "member", "jid", "user3@localhost", "nick", "Rosaline")))
                .containsExactly(
                        "<presence xmlns='jabber:client' from='room@conference.localhost/Rosaline' to='user@localhost/balcony'>"
                                + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<item affiliation='member' role='participant' jid='user3@localhost/street'>"
                                + "<actor nick='Romeo' jid='user@localhost/balcony'/></item></x></presence>",
                        "<presence xmlns='jabber:client' from='room@conference.localhost/Rosaline' to='user3@localhost/street'>"
                                + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<item affiliation='member' role='participant' jid='user3@localhost/street'>"
                                + "<actor nick='Romeo'/></item><status code='110'/></x></presence>",
                        RESULT_TO_ROMEO);
        assertThat(f.room.reservedBy(RoomFixture.nick("Rosaline"))).contains(ROSALINE.asBareJid());
    }

    @Test
    void reservingANickEvictsTheOccupantUsingIt() {
        RoomFixture f = romeoOwnerInRoom().join("Juliet", ROSALINE);

        assertThat(set(f, ROMEO, item("affiliation", "member", "jid", "user2@localhost", "nick", "Juliet")))
                .containsExactly(
                        "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                                + "to='user@localhost/balcony'><x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<status code='307'/><item affiliation='none' role='none' jid='user3@localhost/street'>"
                                + "<reason>This nickname is reserved</reason></item></x></presence>",
                        "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                                + "to='user3@localhost/street'><x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<status code='307'/><item affiliation='none' role='none' jid='user3@localhost/street'>"
                                + "<reason>This nickname is reserved</reason></item><status code='110'/></x></presence>",
                        "<message xmlns='jabber:client' from='room@conference.localhost' to='user@localhost/balcony' id='id1'>"
                                + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<item affiliation='member' jid='user2@localhost'/></x></message>",
                        RESULT_TO_ROMEO);

        Element query = adminQuery(item("affiliation", "member"));
        Iq request = iq(IqType.GET, ROMEO, query);
        f.handle(request);
        assertThat(f.sent()).containsExactly(
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user@localhost/balcony' id='q1'>"
                        + "<query xmlns='http://jabber.org/protocol/muc#admin'>"
                        + "<item affiliation='member' jid='user2@localhost' nick='Juliet'/></query></iq>");
    }

    @Test
    void membersOnlyRoomRemovesAnOccupantWhoLosesMembershipWith321() {
        RoomFixture f = new RoomFixture(RoomConfig.defaults().toBuilder().membersOnly(true).build())
                .affiliate(ROMEO, Affiliation.OWNER).affiliate(JULIET, Affiliation.MEMBER)
                .join("Romeo", ROMEO).join("Juliet", JULIET);

        assertThat(set(f, ROMEO, item("affiliation", "none", "jid", "user2@localhost"))).containsExactly(
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user@localhost/balcony'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='321'/><item affiliation='none' role='none' jid='user2@localhost/garden'>"
                        + "<actor nick='Romeo' jid='user@localhost/balcony'/></item></x></presence>",
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user2@localhost/garden'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='321'/><item affiliation='none' role='none' jid='user2@localhost/garden'>"
                        + "<actor nick='Romeo'/></item><status code='110'/></x></presence>",
                RESULT_TO_ROMEO);
        assertThat(f.occupant("Juliet")).isEmpty();
    }

    @Test
    void ownerSettingHisOwnAffiliationAgainIsShownWithHimselfAsActor() {
        RoomFixture f = romeoOwnerInRoom();

        assertThat(set(f, ROMEO, item("nick", "Romeo", "affiliation", "owner", "jid", "user@localhost")))
                .containsExactly(
                        "<presence xmlns='jabber:client' from='room@conference.localhost/Romeo' to='user@localhost/balcony'>"
                                + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                                + "<item affiliation='owner' role='moderator' jid='user@localhost/balcony'>"
                                + "<actor nick='Romeo'/></item><status code='110'/></x></presence>",
                        RESULT_TO_ROMEO);
    }

    @Test
    void demotionResetsARoleAndPromotionOnlyRaisesIt() {
        RoomFixture f = romeoOwnerInRoom().affiliate(JULIET, Affiliation.ADMIN).join("Juliet", JULIET)
                .join("Rosaline", ROSALINE, Role.MODERATOR);

        set(f, ROMEO, item("affiliation", "member", "jid", "user2@localhost"),
                item("affiliation", "member", "jid", "user3@localhost"));

        assertThat(f.occupant("Juliet").orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
        assertThat(f.occupant("Rosaline").orElseThrow().role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void oneRefusedItemChangesNothing() {
        RoomFixture f = new RoomFixture().affiliate(ROMEO, Affiliation.ADMIN).affiliate(TYBALT, Affiliation.OWNER)
                .join("Romeo", ROMEO).join("Juliet", JULIET);

        List<String> sent = set(f, ROMEO, item("affiliation", "member", "jid", "user2@localhost"),
                item("affiliation", "outcast", "jid", "tybalt@localhost"));

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("type='error'").contains("<not-allowed ");
        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.NONE);
        assertThat(f.affiliationOf(TYBALT)).isEqualTo(Affiliation.OWNER);
    }

    @Test
    void theLastOwnerCannotStepDown() {
        RoomFixture f = romeoOwnerInRoom();
        Element item = item("affiliation", "admin", "jid", "user@localhost");

        assertThat(set(f, ROMEO, item)).containsExactly(error("conflict", "cancel",
                "The room must keep at least one owner",
                "<query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='admin' jid='user@localhost'/></query>",
                "user@localhost/balcony"));
        assertThat(f.affiliationOf(ROMEO)).isEqualTo(Affiliation.OWNER);
    }

    @Test
    void anOwnerMayStepDownWhenAnotherOwnerRemains() {
        RoomFixture f = romeoOwnerInRoom().affiliate(JULIET, Affiliation.OWNER);

        List<String> sent = set(f, ROMEO, item("affiliation", "admin", "jid", "user@localhost"));

        assertThat(sent.get(sent.size() - 1)).isEqualTo(RESULT_TO_ROMEO);
        assertThat(f.affiliationOf(ROMEO)).isEqualTo(Affiliation.ADMIN);
    }

    @Test
    void aServiceAdminCannotDemoteTheLastOwnerEither() {
        RoomFixture f = romeoOwnerInRoom();

        assertThat(set(f, SERVICE_ADMIN, item("affiliation", "none", "jid", "user@localhost")).get(0))
                .contains("<conflict ");
    }

    @Test
    void swappingOwnersInOneRequestIsAllowed() {
        RoomFixture f = romeoOwnerInRoom();

        set(f, ROMEO, item("affiliation", "owner", "jid", "user2@localhost"),
                item("affiliation", "member", "jid", "user@localhost"));

        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.OWNER);
        assertThat(f.affiliationOf(ROMEO)).isEqualTo(Affiliation.MEMBER);
    }

    @Test
    void permissionErrorsUseTheConditionsXep0045Names() {
        RoomFixture f = new RoomFixture().affiliate(ROMEO, Affiliation.OWNER).affiliate(JULIET, Affiliation.ADMIN)
                .affiliate(ROSALINE, Affiliation.MEMBER).affiliate(TYBALT, Affiliation.ADMIN);

        assertThat(set(f, ROSALINE, item("affiliation", "outcast", "jid", "x@localhost")).get(0)).contains("<forbidden ");
        assertThat(set(f, JULIET, item("affiliation", "admin", "jid", "x@localhost")).get(0)).contains("<forbidden ");
        assertThat(set(f, JULIET, item("affiliation", "member", "jid", "tybalt@localhost")).get(0)).contains("<forbidden ");
        assertThat(set(f, JULIET, item("affiliation", "outcast", "jid", "user@localhost")).get(0)).contains("<not-allowed ");
        assertThat(set(f, JULIET, item("affiliation", "outcast", "jid", "user2@localhost")).get(0)).contains("<conflict ");
        assertThat(set(f, ROMEO, item("affiliation", "outcast", "jid", "user@localhost")).get(0)).contains("<conflict ");
        assertThat(set(f, JULIET, item("affiliation", "outcast", "jid", "x@localhost")).get(0)).isEqualTo(
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user2@localhost/garden' id='q1'/>");
    }

    @Test
    void aNickReservedByAnotherUserIsAConflict() {
        RoomFixture f = romeoOwnerInRoom().affiliate(JULIET, Affiliation.MEMBER, "Juliet");

        assertThat(set(f, ROMEO, item("affiliation", "member", "jid", "user3@localhost", "nick", "Juliet")).get(0))
                .contains("<conflict ");
        assertThat(f.affiliationOf(ROSALINE)).isEqualTo(Affiliation.NONE);
    }

    @Test
    void malformedItemsAreBadRequests() {
        RoomFixture f = romeoOwnerInRoom();

        assertThat(set(f, ROMEO).get(0)).contains("<bad-request ");
        assertThat(set(f, ROMEO, item("affiliation", "king", "jid", "x@localhost")).get(0)).contains("<bad-request ");
        assertThat(set(f, ROMEO, item("affiliation", "member")).get(0)).contains("<bad-request ");
        assertThat(set(f, ROMEO, item("affiliation", "member", "role", "visitor", "jid", "x@localhost")).get(0))
                .contains("<bad-request ");
        assertThat(set(f, ROMEO, item("affiliation", "member", "jid", "x@localhost"),
                item("role", "visitor", "nick", "Romeo")).get(0)).contains("<bad-request ");
        assertThat(set(f, ROMEO, item("affiliation", "member", "jid", "@@")).get(0)).contains("<jid-malformed ");
        assertThat(set(f, ROMEO, item("affiliation", "member", "nick", "Nobody")).get(0)).contains("<item-not-found ");
    }

    @Test
    void anAffiliationMayBeSetByTheNickOfAnOccupant() {
        RoomFixture f = romeoOwnerInRoom().join("Juliet", JULIET);

        set(f, ROMEO, item("affiliation", "member", "nick", "Juliet"));

        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.MEMBER);
        assertThat(f.room.reservedNick(JULIET)).isEmpty();
    }

    @Test
    void becomingMembersOnlyRemovesNonMembersWith322() {
        RoomFixture f = romeoOwnerInRoom().join("Juliet", JULIET);
        RoomConfig before = f.room.config();
        RoomConfig after = before.toBuilder().membersOnly(true).build();
        f.room.setConfig(after);

        f.room.modules().configured(new RoomTurn(f.room, f.context, f.out), before, after);

        assertThat(f.sent()).containsExactly(
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user@localhost/balcony'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='322'/><item affiliation='none' role='none' jid='user2@localhost/garden'/></x></presence>",
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user2@localhost/garden'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='322'/><item affiliation='none' role='none' jid='user2@localhost/garden'/>"
                        + "<status code='110'/></x></presence>");
        assertThat(f.room.occupants()).extracting(o -> o.nick().toString()).containsExactly("Romeo");
    }
}
