package dev.mucengine.core.internal.modules;

import static dev.mucengine.core.internal.owner.OwnerFixture.JULIET;
import static dev.mucengine.core.internal.owner.OwnerFixture.ROMEO;
import static dev.mucengine.core.internal.owner.OwnerFixture.iq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.internal.owner.OwnerFixture;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

class DiscoModuleTest {

    private OwnerFixture f;

    @BeforeEach
    void setUp() {
        f = new OwnerFixture();
        f.join(ROMEO, "romeo", Role.MODERATOR);
        f.join(JULIET, "juliet", Role.PARTICIPANT);
    }

    private Iq ask(Jid from, Element query) {
        f.out.stanzas().clear();
        Iq iq = iq(from, "get", query);
        f.handle(iq);
        assertThat(f.out.stanzas()).hasSize(1);
        return (Iq) f.out.stanzas().get(0);
    }

    private static Element info(Optional<String> node) {
        ElementBuilder b = Element.builder(XmppNamespaces.DISCO_INFO, "query");
        node.ifPresent(n -> b.attribute("node", n));
        return b.build();
    }

    private List<String> features(Element query) {
        return query.children(XmppNamespaces.DISCO_INFO, "feature").stream()
                .map(e -> e.attribute("var").orElseThrow()).toList();
    }

    @Test
    void defaultRoomInfo() {
        Element query = ask(JULIET, info(Optional.empty())).query().orElseThrow();
        assertThat(query.elements().get(0).toString()).isEqualTo("<identity xmlns='"
                + XmppNamespaces.DISCO_INFO + "' category='conference' name='garden' type='text'/>");
        assertThat(features(query)).containsExactly(
                "http://jabber.org/protocol/muc", "http://jabber.org/protocol/muc#stable_id",
                "http://jabber.org/protocol/muc#request", "jabber:iq:register",
                "http://jabber.org/protocol/muc#self-ping-optimization", "vcard-temp",
                "muc_public", "muc_temporary", "muc_unmoderated", "muc_open", "muc_unsecured", "muc_semianonymous");
        DataForm roominfo = DataForm.fromElement(query.child(XmppNamespaces.DATA, "x").orElseThrow());
        assertThat(roominfo.type()).isEqualTo("result");
        assertThat(roominfo.formType()).contains(MucNamespaces.MUC_ROOMINFO);
        assertThat(roominfo.values("muc#roominfo_occupants")).containsExactly("2");
        assertThat(roominfo.values("muc#roominfo_subjectmod")).containsExactly("0");
        assertThat(roominfo.field("muc#roominfo_lang")).isEmpty();
        assertThat(query.elements().get(query.elements().size() - 1).is(XmppNamespaces.DATA, "x")).isTrue();
    }

    @Test
    void featuresFollowTheConfiguration() {
        f.room.setConfig(RoomConfig.defaults().toBuilder().name("The Garden").description("Flowers").language("en")
                .publicRoom(false).persistent(true).moderated(true).membersOnly(true)
                .password(Optional.of("s")).whois(Whois.ANYONE).allowVoiceRequests(false).changeSubject(true)
                .build());
        Element query = ask(ROMEO, info(Optional.empty())).query().orElseThrow();
        assertThat(query.elements().get(0).attribute("name")).contains("The Garden");
        assertThat(features(query)).containsExactly(
                "http://jabber.org/protocol/muc", "http://jabber.org/protocol/muc#stable_id", "jabber:iq:register",
                "urn:xmpp:mam:2", "urn:xmpp:mam:2#extended", "urn:xmpp:sid:0",
                "http://jabber.org/protocol/muc#self-ping-optimization", "urn:xmpp:message-moderate:0",
                "urn:xmpp:message-moderate:1", "urn:xmpp:message-retract:1", "vcard-temp",
                "muc_hidden", "muc_persistent", "muc_moderated", "muc_membersonly", "muc_passwordprotected",
                "muc_nonanonymous");
        DataForm roominfo = DataForm.fromElement(query.child(XmppNamespaces.DATA, "x").orElseThrow());
        assertThat(roominfo.values("muc#roominfo_description")).containsExactly("Flowers");
        assertThat(roominfo.values("muc#roominfo_lang")).containsExactly("en");
        assertThat(roominfo.values("muc#roominfo_subjectmod")).containsExactly("1");
    }

    @Test
    void reservedNickIsAnIdentity() {
        f.affiliate(JULIET, Affiliation.MEMBER, Optional.of("Juliet"));
        Iq reply = ask(JULIET, info(Optional.of("x-roomuser-item")));
        assertThat(reply.toString()).isEqualTo("<iq xmlns='jabber:client' type='result' "
                + "from='garden@conference.localhost' to='juliet@localhost/j1' id='q1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info' node='x-roomuser-item'>"
                + "<identity category='conference' name='Juliet' type='text'/></query></iq>");
    }

    @Test
    void noReservedNickIsAnEmptyQuery() {
        Iq reply = ask(ROMEO, info(Optional.of("x-roomuser-item")));
        Element query = reply.query().orElseThrow();
        assertThat(query.toString()).isEqualTo(
                "<query xmlns='http://jabber.org/protocol/disco#info' node='x-roomuser-item'/>");
        assertThat(query.children()).isEmpty();
    }

    @Test
    void unknownNodeIsItemNotFound() {
        assertThat(ask(ROMEO, info(Optional.of("other"))).error()).map(StanzaError::condition)
                .contains(Condition.ITEM_NOT_FOUND);
    }

    @Test
    void lockedRoomIsHiddenFromAllButOwners() {
        f.room.setLocked(true);
        assertThat(ask(JULIET, info(Optional.empty())).error()).map(StanzaError::condition)
                .contains(Condition.ITEM_NOT_FOUND);
        assertThat(ask(ROMEO, info(Optional.empty())).error()).isEmpty();
    }

    @Test
    void setIsBadRequest() {
        Iq iq = iq(ROMEO, "set", info(Optional.empty()));
        f.handle(iq);
        assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition)
                .contains(Condition.BAD_REQUEST);
    }

    @Test
    void itemsOfAPublicOpenRoomAreTheOccupants() {
        Iq iq = iq(JULIET, "get", Element.empty(XmppNamespaces.DISCO_ITEMS, "query"));
        f.handle(iq);
        assertThat(f.out.stanzas()).hasSize(1);
        assertThat(f.out.stanzas().get(0).toString()).isEqualTo("<iq xmlns='jabber:client' type='result' "
                + "from='garden@conference.localhost' to='juliet@localhost/j1' id='q1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'>"
                + "<item jid='garden@conference.localhost/romeo'/><item jid='garden@conference.localhost/juliet'/>"
                + "</query></iq>");
    }

    @Test
    void itemsOfAHiddenRoomAreEmpty() {
        f.room.setConfig(RoomConfig.defaults().toBuilder().publicRoom(false).build());
        Iq iq = iq(JULIET, "get", Element.empty(XmppNamespaces.DISCO_ITEMS, "query"));
        f.handle(iq);
        assertThat(f.out.stanzas().get(0).toString()).isEqualTo("<iq xmlns='jabber:client' type='result' "
                + "from='garden@conference.localhost' to='juliet@localhost/j1' id='q1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>");
    }
}
