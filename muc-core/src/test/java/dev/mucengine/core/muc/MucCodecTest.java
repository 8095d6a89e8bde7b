package dev.mucengine.core.muc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The MUC elements as XEP-0045's examples write them, through the one codec. */
class MucCodecTest {

    private static String xml(Element e) {
        return XmlWriter.write(e);
    }

    @Test
    void selfPresenceOfAKickPutsStatusCodesAroundTheItemAsDocumented() {
        // XEP-0045 §8.2, Example 89 (the kicked occupant's own presence).
        MucItem item = MucItem.EMPTY.withAffiliation(Affiliation.NONE).withRole(Role.NONE)
                .withActor(new Actor(Optional.of("Fluellen"), Optional.empty()))
                .withReason("Avaunt, you cullion!");
        Element x = MucCodec.encode(MucUser.of(EnumSet.of(StatusCode.SELF_PRESENCE, StatusCode.KICKED), item));
        assertThat(xml(x)).isEqualTo("<x xmlns='http://jabber.org/protocol/muc#user'><status code='307'/>"
                + "<item affiliation='none' role='none'><actor nick='Fluellen'/>"
                + "<reason>Avaunt, you cullion!</reason></item><status code='110'/></x>");
    }

    @Test
    void aDestroyNoticeComesBeforeTheItem() {
        // XEP-0045 §10.9, Example 206.
        Destroy destroy = new Destroy(Optional.of(JidCreate.fromOrThrowUnchecked("coven@chat.shakespeare.lit")),
                Optional.of("Macbeth doth come."), Optional.empty());
        Element x = MucCodec.encode(MucUser.of(Set.of(StatusCode.SELF_PRESENCE),
                MucItem.EMPTY.withAffiliation(Affiliation.NONE).withRole(Role.NONE)).withDestroy(destroy));
        assertThat(xml(x)).isEqualTo("<x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<destroy jid='coven@chat.shakespeare.lit'><reason>Macbeth doth come.</reason></destroy>"
                + "<item affiliation='none' role='none'/><status code='110'/></x>");
    }

    @Test
    void itemsDecodeAndEncodeBackToTheSameElement() {
        Element item = Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("affiliation", "outcast")
                .attribute("jid", "earlofcambridge@shakespeare.lit")
                .textChild(MucNamespaces.MUC_ADMIN, "reason", "Treason").build();
        Checked<MucItem> decoded = MucCodec.decodeItem(item);
        assertThat(decoded.value().affiliation()).contains(Affiliation.OUTCAST);
        assertThat(decoded.value().reason()).contains("Treason");
        assertThat(MucCodec.encode(MucNamespaces.MUC_ADMIN, decoded.value())).isEqualTo(item);
    }

    @Test
    void malformedValuesAreRefusedWithTheirConditions() {
        Element unknownRole = Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("role", "king").build();
        assertThat(MucCodec.decodeItem(unknownRole).refusal()).hasValueSatisfying(e ->
                assertThat(e.condition()).isEqualTo(Condition.BAD_REQUEST));
        Element badJid = Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("affiliation", "member")
                .attribute("jid", "@@").build();
        assertThat(MucCodec.decodeItem(badJid).refusal()).hasValueSatisfying(e ->
                assertThat(e.condition()).isEqualTo(Condition.JID_MALFORMED));
        Element badInvite = Element.builder(MucNamespaces.MUC_USER, "x")
                .child(Element.builder(MucNamespaces.MUC_USER, "invite").attribute("to", "").build()).build();
        assertThat(MucCodec.decodeUser(badInvite).refusal()).hasValueSatisfying(e ->
                assertThat(e.condition()).isEqualTo(Condition.JID_MALFORMED));
    }

    @Test
    void invitationsAndDeclinesRoundTrip() {
        // XEP-0045 §7.8.2, Examples 57 and 60.
        Element x = Element.builder(MucNamespaces.MUC_USER, "x")
                .child(Element.builder(MucNamespaces.MUC_USER, "invite").attribute("to", "hecate@shakespeare.lit")
                        .textChild(MucNamespaces.MUC_USER, "reason", "Hey Hecate, this is the place for all good witches!")
                        .build())
                .textChild(MucNamespaces.MUC_USER, "password", "cauldronburn").build();
        MucUser decoded = MucCodec.decodeUser(x).value();
        assertThat(decoded.invites()).singleElement().satisfies(i -> {
            assertThat(i.to()).contains(JidCreate.fromOrThrowUnchecked("hecate@shakespeare.lit"));
            assertThat(i.reason()).isPresent();
        });
        assertThat(decoded.password()).contains("cauldronburn");
        assertThat(MucCodec.encode(decoded)).isEqualTo(x);
    }

    @Test
    void joinRequestsCarryPasswordAndHistoryAndUnreadableLimitsMeanNone() {
        Element x = Element.builder(MucNamespaces.MUC, "x").textChild(MucNamespaces.MUC, "password", "pw")
                .child(Element.builder(MucNamespaces.MUC, "history").attribute("maxstanzas", "20")
                        .attribute("maxchars", "lots").attribute("since", "1970-01-01T00:00:00Z").build())
                .build();
        MucJoin join = MucCodec.decodeJoin(x);
        assertThat(join.password()).contains("pw");
        assertThat(join.history()).isEqualTo(new HistoryRequest(OptionalInt.empty(), OptionalInt.of(20),
                OptionalInt.empty(), Optional.of(Instant.EPOCH)));
        assertThat(MucCodec.decodeJoin(Element.empty(MucNamespaces.MUC, "x")).history())
                .isEqualTo(HistoryRequest.EVERYTHING);
    }

    @Test
    void anAdminListIsAQueryOfItems() {
        Element query = MucCodec.adminQuery(List.of(MucItem.EMPTY.withAffiliation(Affiliation.MEMBER)
                .withJid(JidCreate.fromOrThrowUnchecked("hag66@shakespeare.lit")).withNick("thirdwitch")));
        assertThat(xml(query)).isEqualTo("<query xmlns='http://jabber.org/protocol/muc#admin'>"
                + "<item affiliation='member' jid='hag66@shakespeare.lit' nick='thirdwitch'/></query>");
    }
}
