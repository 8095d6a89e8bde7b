package dev.mucengine.core.internal.modules;

import static dev.mucengine.core.internal.admin.RoomFixture.JULIET;
import static dev.mucengine.core.internal.admin.RoomFixture.ROMEO;
import static dev.mucengine.core.internal.admin.RoomFixture.ROSALINE;
import static dev.mucengine.core.internal.admin.RoomFixture.iq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.admin.RoomFixture;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

class RegistrationModuleTest {

    static final String FORM = "<x xmlns='jabber:x:data' type='form'>"
            + "<field type='hidden' var='FORM_TYPE'><value>http://jabber.org/protocol/muc#register</value></field>"
            + "<field type='text-single' label='Nickname' var='muc#register_roomnick'><required/></field></x>";


    private List<String> send(RoomFixture f, IqType type, Jid from, Element query) {
        Iq request = iq(type, from, query);
        f.handle(request);
        return f.sent();
    }

    private static Element empty() {
        return Element.empty(XmppNamespaces.REGISTER, "query");
    }

    private static Element submit(String nick) {
        DataForm form = DataForm.of("submit", List.of(FormField.formType(MucNamespaces.MUC_REGISTER),
                new FormField("muc#register_roomnick", Optional.empty(), Optional.empty(),
                        Optional.empty(), false, List.of(nick), List.of())));
        return Element.builder(XmppNamespaces.REGISTER, "query").child(form.toElement()).build();
    }

    private static Element remove() {
        return Element.builder(XmppNamespaces.REGISTER, "query")
                .child(Element.empty(XmppNamespaces.REGISTER, "remove")).build();
    }

    private static RoomFixture romeoAndJuliet(RoomConfig config) {
        return new RoomFixture(config).affiliate(ROMEO, Affiliation.OWNER).affiliate(JULIET, Affiliation.MEMBER)
                .join("Romeo", ROMEO).join("Juliet", JULIET);
    }

    @Test
    void aMemberGetsTheRegistrationForm() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults());

        assertThat(send(f, IqType.GET, JULIET, empty())).containsExactly(
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user2@localhost/garden' id='q1'>"
                        + "<query xmlns='jabber:iq:register'>" + FORM + "</query></iq>");
    }

    @Test
    void submittingReservesTheNickAndRebroadcastsPresenceBeforeTheResult() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults());

        assertThat(send(f, IqType.SET, JULIET, submit("Juliet"))).containsExactly(
                "<presence xmlns='jabber:client' from='room@conference.localhost/Juliet' to='user@localhost/balcony'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<item affiliation='member' role='participant' jid='user2@localhost/garden'/></x></presence>",
                "<presence xmlns='jabber:client' from='room@conference.localhost/Juliet' to='user2@localhost/garden'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<item affiliation='member' role='participant' jid='user2@localhost/garden'/>"
                        + "<status code='110'/></x></presence>",
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user2@localhost/garden' id='q1'/>");
        assertThat(f.room.reservedNick(JULIET)).contains(RoomFixture.nick("Juliet"));
        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.MEMBER);
    }

    @Test
    void anOwnerWhoRegistersStaysOwner() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults());

        List<String> sent = send(f, IqType.SET, ROMEO, submit("Romeo"));

        assertThat(sent.get(0)).isEqualTo(
                "<presence xmlns='jabber:client' from='room@conference.localhost/Romeo' to='user2@localhost/garden'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<item affiliation='owner' role='moderator'/></x></presence>");
        assertThat(f.affiliationOf(ROMEO)).isEqualTo(Affiliation.OWNER);
    }

    @Test
    void aRegisteredUserIsToldSo() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults()).affiliate(JULIET, Affiliation.MEMBER, "Juliet");

        assertThat(send(f, IqType.GET, JULIET, empty()).get(0)).contains(
                "<query xmlns='jabber:iq:register'><registered/><username>Juliet</username>"
                        + "<x xmlns='jabber:x:data' type='form'>");
    }

    @Test
    void unaffiliatedUsersNeedTheRoomToAllowRegistration() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults()).join("Rosaline", ROSALINE);
        String refusal = "<error type='auth'><registration-required xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>";

        assertThat(send(f, IqType.GET, ROSALINE, empty()).get(0)).contains(refusal);
        assertThat(send(f, IqType.SET, ROSALINE, submit("Romeo")).get(0)).contains(refusal);

        f.room.setConfig(f.room.config().toBuilder().allowRegistration(true).build());
        assertThat(send(f, IqType.SET, ROSALINE, submit("Rosaline"))).last().asString().contains("type='result'");
        assertThat(f.affiliationOf(ROSALINE)).isEqualTo(Affiliation.MEMBER);
    }

    @Test
    void aNickTakenByAnotherUserIsAConflict() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults()).affiliate(ROSALINE, Affiliation.MEMBER, "Rosaline");

        assertThat(send(f, IqType.SET, JULIET, submit("Rosaline")).get(0)).contains("<conflict ");
        assertThat(send(f, IqType.SET, JULIET, submit("Romeo")).get(0)).contains("<conflict ");
        assertThat(f.room.reservedNick(JULIET)).isEmpty();
    }

    @Test
    void anInvalidSubmissionIsABadRequest() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults());

        assertThat(send(f, IqType.SET, JULIET, empty()).get(0)).contains("<bad-request ");
        assertThat(send(f, IqType.SET, JULIET, submit("  ")).get(0)).contains("<bad-request ");
    }

    @Test
    void removingInAMembersOnlyRoomRemovesTheOccupantWith321() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults().toBuilder().membersOnly(true).build());

        assertThat(send(f, IqType.SET, JULIET, remove())).containsExactly(
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user@localhost/balcony'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='321'/><item affiliation='none' role='none' jid='user2@localhost/garden'/></x></presence>",
                "<presence xmlns='jabber:client' type='unavailable' from='room@conference.localhost/Juliet' "
                        + "to='user2@localhost/garden'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='321'/><item affiliation='none' role='none' jid='user2@localhost/garden'/>"
                        + "<status code='110'/></x></presence>",
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user2@localhost/garden' id='q1'/>");
    }

    @Test
    void removingWhileAwayNotifiesTheJidSeers() {
        RoomFixture f = new RoomFixture().affiliate(ROMEO, Affiliation.OWNER).join("Romeo", ROMEO)
                .affiliate(JULIET, Affiliation.MEMBER, "Juliet");

        assertThat(send(f, IqType.SET, JULIET, remove())).containsExactly(
                "<message xmlns='jabber:client' from='room@conference.localhost' to='user@localhost/balcony' id='id1'>"
                        + "<x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<item affiliation='none' jid='user2@localhost'/></x></message>",
                "<iq xmlns='jabber:client' type='result' from='room@conference.localhost' to='user2@localhost/garden' id='q1'/>");
        assertThat(f.room.reservedBy(RoomFixture.nick("Juliet"))).isEmpty();
    }

    @Test
    void theLastOwnerCannotUnregister() {
        RoomFixture f = romeoAndJuliet(RoomConfig.defaults());

        assertThat(send(f, IqType.SET, ROMEO, remove()).get(0)).contains("<conflict ");
        assertThat(f.affiliationOf(ROMEO)).isEqualTo(Affiliation.OWNER);
    }
}
