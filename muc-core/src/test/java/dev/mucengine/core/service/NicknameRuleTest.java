package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.field;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Every path that takes a nickname applies the one rule: a nickname refused on entering is
 * refused, with the same condition and text, when registering, when an admin reserves it and when
 * a moderator approves a voice request for it; one accepted on entering names the same occupant
 * everywhere.
 */
class NicknameRuleTest {

    private static final String ROOM = "garden@muc.example";
    private static final String OWNER = "romeo@example.net/orchard";
    private static final String USER = "juliet@example.net/balcony";

    private ServiceFixture f;

    @BeforeEach
    void ownerWithAnOpenModeratedRoom() {
        f = new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                new InMemoryRoomStore());
        f.send(join(OWNER, ROOM + "/romeo"));
        f.send(ownerSet(OWNER, ROOM, configSubmit(field("muc#roomconfig_allowregister", "1"),
                field("muc#roomconfig_moderatedroom", "1"))));
    }

    private static StanzaError error(List<Stanza> out) {
        assertThat(out).hasSize(1);
        return out.get(0).error().orElseThrow();
    }

    private StanzaError onEntering(String nick) {
        return error(f.send(join(USER, ROOM + "/" + nick)));
    }

    private StanzaError onRegistering(String nick) {
        Element form = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(field("FORM_TYPE", MucNamespaces.MUC_REGISTER))
                .child(field("muc#register_roomnick", nick)).build();
        return error(f.send(iq(USER, ROOM, IqType.SET,
                Element.builder(XmppNamespaces.REGISTER, "query").child(form).build())));
    }

    private StanzaError inAnAdminItem(String nick) {
        return error(f.send(iq(OWNER, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_ADMIN, "query")
                .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("affiliation", "member")
                        .attribute("jid", "nurse@example.net").attribute("nick", nick).build())
                .build())));
    }

    private StanzaError inAVoiceApproval(String nick) {
        Element form = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(field("FORM_TYPE", MucNamespaces.MUC_REQUEST))
                .child(field("muc#roomnick", nick))
                .child(field("muc#request_allow", "true")).build();
        return error(f.send(Message.builder(MessageType.NORMAL).from(jid(OWNER)).to(jid(ROOM)).child(form).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\uE000private", // RFC 3454 C.3, private use
        "\u05D0x", // right-to-left then left-to-right (RFC 3454 section 6)
        "\u0221", // unassigned in Unicode 3.2 (strict Resourceprep)
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // 65 code points, over the limit
        "bob  smith", // RFC 8266 section 2.2: no two spaces in a row,
        "bob\u00A0 smith", // and a no-break space is a space (NFKC), so this holds two
    })
    void aNicknameRefusedOnEnteringIsRefusedTheSameWayEverywhere(String nick) {
        StanzaError entering = onEntering(nick);
        for (StanzaError other : List.of(onRegistering(nick), inAnAdminItem(nick), inAVoiceApproval(nick))) {
            assertThat(other.condition()).isEqualTo(entering.condition());
            assertThat(other.text()).isEqualTo(entering.text());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u2167", "Ａｌｉｃｅ"}) // compatibility forms: NFKC makes them VIII and Alice
    void anAcceptedNicknameNamesTheSameOccupantEverywhere(String nick) {
        List<Stanza> entered = f.send(join(USER, ROOM + "/" + nick));
        assertThat(entered).noneMatch(Stanza::isError);
        // A moderator granting voice by the nickname as typed finds the occupant who entered with it.
        List<Stanza> voiced = f.send(iq(OWNER, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_ADMIN, "query")
                .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("role", "participant")
                        .attribute("nick", nick).build()).build()));
        assertThat(voiced).noneMatch(Stanza::isError);
        assertThat(voiced.get(voiced.size() - 1).element().attribute("type")).contains("result");
    }

    /**
     * Spaces around a nickname, or spaces only: refused where the nickname is an address or an
     * attribute. (A data form's value loses its surrounding whitespace before the rule sees it.)
     */
    @ParameterizedTest
    @ValueSource(strings = {" bob", "bob ", "\u3000\u3000", "\u00A0bob"})
    void spacesAroundANicknameOrAloneAreRefused(String nick) {
        StanzaError entering = onEntering(nick);
        assertThat(entering.condition()).isEqualTo(Condition.JID_MALFORMED);
        StanzaError admin = inAnAdminItem(nick);
        assertThat(admin.condition()).isEqualTo(entering.condition());
        assertThat(admin.text()).isEqualTo(entering.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROMEO", "Romeo", "\uFF52\uFF4F\uFF4D\uFF45\uFF4F", "rom\u00E9o"})
    void nicknamesThatCompareEqualUnderRfc8266AreOneNickname(String nick) {
        // romeo is in the room; case and width variants are his nickname too (RFC 8266 section 2.3).
        List<Stanza> out = f.send(join(USER, ROOM + "/" + nick));
        if (nick.equals("rom\u00E9o")) {
            assertThat(out).as("a different letter is a different nickname").noneMatch(Stanza::isError);
            return;
        }
        assertThat(error(out).condition()).isEqualTo(Condition.CONFLICT);
    }

    @Test
    void aReservationHoldsForEveryFormOfTheNickname() {
        assertThat(f.send(iq(OWNER, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_ADMIN, "query")
                .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("affiliation", "member")
                        .attribute("jid", "nurse@example.net").attribute("nick", "Nurse").build())
                .build()))).noneMatch(Stanza::isError);

        assertThat(onEntering("NURSE").condition()).isEqualTo(Condition.CONFLICT);
    }

    @Test
    void anOccupantMayChangeTheCaseOfItsOwnNickname() {
        assertThat(f.send(join(USER, ROOM + "/juliet"))).noneMatch(Stanza::isError);

        List<Stanza> renamed = f.send(join(USER, ROOM + "/Juliet"));

        assertThat(renamed).noneMatch(Stanza::isError);
        assertThat(renamed).anySatisfy(p -> assertThat(p.from().orElseThrow().toString()).isEqualTo(ROOM + "/Juliet"));
    }
}
