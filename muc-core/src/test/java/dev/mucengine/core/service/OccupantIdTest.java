package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;

/** XEP-0421: occupant ids on what the room sends on an occupant's behalf, and the service secret behind them. */
class OccupantIdTest {

    private static final String ROOM = "room@muc.example";
    private static final String OTHER_ROOM = "other@muc.example";
    private static final String ROMEO = "romeo@example.net/phone";
    private static final String ROMEO_LAPTOP = "romeo@example.net/laptop";
    private static final String JULIET = "juliet@example.net/balcony";

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private final ServiceFixture f = fixture(store);

    private static ServiceFixture fixture(InMemoryRoomStore store) {
        return new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")), store);
    }

    private static Optional<String> occupantId(Stanza s) {
        return s.element().elements().stream().filter(e -> e.is(XmppNamespaces.OCCUPANT_ID, "occupant-id"))
                .findFirst().flatMap(e -> e.attribute("id"));
    }

    private static long occupantIdCount(Stanza s) {
        return s.element().elements().stream().filter(e -> e.is(XmppNamespaces.OCCUPANT_ID, "occupant-id")).count();
    }

    /** The id on the presence {@code from} sends {@code to} among {@code out}. */
    private static String idOn(List<Stanza> out, String from, String to) {
        Stanza s = out.stream().filter(x -> x.from().orElseThrow().equals(jid(from))
                && x.to().orElseThrow().equals(jid(to))).findFirst().orElseThrow();
        assertThat(occupantIdCount(s)).isEqualTo(1);
        return occupantId(s).orElseThrow();
    }

    private void openRoom(String room, String owner, String nick) {
        f.send(join(owner, room + "/" + nick));
        f.send(instantRoom(owner, room));
    }

    @Test
    void everyPresenceAboutAnOccupantCarriesItsIdAndTheIdSurvivesNickChangesAndRejoins() {
        openRoom(ROOM, JULIET, "juliet");
        List<Stanza> entered = f.send(join(ROMEO, ROOM + "/romeo"));
        String romeo = idOn(entered, ROOM + "/romeo", ROMEO); // self-presence
        assertThat(idOn(entered, ROOM + "/romeo", JULIET)).isEqualTo(romeo); // broadcast
        String juliet = idOn(entered, ROOM + "/juliet", ROMEO); // existing occupants' presence
        assertThat(juliet).isNotEqualTo(romeo).hasSize(43).doesNotContain("romeo", "juliet");

        List<Stanza> renamed = f.send(Presence.builder(PresenceType.AVAILABLE).from(jid(ROMEO))
                .to(jid(ROOM + "/montague")).build());
        assertThat(renamed).allSatisfy(s -> assertThat(occupantId(s)).contains(romeo)); // 303 and new presence

        List<Stanza> left = f.send(leave(ROMEO, ROOM + "/montague"));
        assertThat(left).allSatisfy(s -> assertThat(occupantId(s)).contains(romeo));
        // Another client of the same user, another nickname: the same id (bare JID).
        assertThat(idOn(f.send(join(ROMEO_LAPTOP, ROOM + "/rom")), ROOM + "/rom", ROMEO_LAPTOP)).isEqualTo(romeo);
    }

    @Test
    void theIdDiffersFromRoomToRoom() {
        openRoom(ROOM, ROMEO, "romeo");
        String here = idOn(f.send(join(ROMEO_LAPTOP, ROOM + "/rom")), ROOM + "/rom", ROMEO_LAPTOP);
        List<Stanza> there = f.send(join(ROMEO, OTHER_ROOM + "/romeo"));
        assertThat(idOn(there, OTHER_ROOM + "/romeo", ROMEO)).isNotEqualTo(here);
    }

    @Test
    void groupchatAndPrivateMessagesCarryTheSendersIdAndAClaimedIdIsReplaced() {
        openRoom(ROOM, JULIET, "juliet");
        String romeo = idOn(f.send(join(ROMEO, ROOM + "/romeo")), ROOM + "/romeo", ROMEO);
        Element forged = Element.builder(XmppNamespaces.OCCUPANT_ID, "occupant-id").attribute("id", "juliets-id")
                .build();
        Message claimed = groupchat(ROMEO, ROOM, "hi");
        List<Stanza> reflected = f.send(claimed.withChildren(append(claimed, forged)));
        assertThat(reflected).hasSize(2).allSatisfy(s -> {
            assertThat(occupantIdCount(s)).isEqualTo(1);
            assertThat(occupantId(s)).contains(romeo);
        });

        Message pm = Message.builder(MessageType.CHAT).from(jid(ROMEO)).to(jid(ROOM + "/juliet")).id("pm1")
                .textChild("body", "psst").child(forged).build();
        List<Stanza> relayed = f.send(pm);
        assertThat(relayed).singleElement().satisfies(s -> {
            assertThat(s.to()).contains(jid(JULIET));
            assertThat(occupantIdCount(s)).isEqualTo(1);
            assertThat(occupantId(s)).contains(romeo);
        });
    }

    @Test
    void anIdInTheClientsOwnPresenceIsReplacedByTheRooms() {
        openRoom(ROOM, JULIET, "juliet");
        List<Stanza> out = f.send(Presence.builder(PresenceType.AVAILABLE).from(jid(ROMEO)).to(jid(ROOM + "/romeo"))
                .child(Element.empty(dev.mucengine.core.muc.MucNamespaces.MUC, "x"))
                .child(Element.builder(XmppNamespaces.OCCUPANT_ID, "occupant-id").attribute("id", "forged").build())
                .build());
        List<Stanza> aboutRomeo = out.stream().filter(s -> s.from().orElseThrow().equals(jid(ROOM + "/romeo")))
                .toList();
        assertThat(aboutRomeo).hasSize(2).allSatisfy(s -> {
            assertThat(occupantIdCount(s)).isEqualTo(1);
            assertThat(occupantId(s)).isPresent().get().isNotEqualTo("forged");
        });
    }

    @Test
    void historyOnEntryCarriesTheIdTheSenderHad() {
        openRoom(ROOM, ROMEO, "romeo");
        String romeo = idOn(f.send(join(ROMEO_LAPTOP, ROOM + "/other")), ROOM + "/other", ROMEO_LAPTOP);
        f.send(groupchat(ROMEO, ROOM, "remember me"));
        List<Stanza> entered = f.send(join(JULIET, ROOM + "/juliet"));
        Stanza history = entered.stream().filter(s -> s instanceof Message m && m.body().isPresent()).findFirst()
                .orElseThrow();
        assertThat(occupantId(history)).contains(romeo);
    }

    @Test
    void theRoomAdvertisesTheFeature() {
        openRoom(ROOM, ROMEO, "romeo");
        Stanza info = f.send(iq(ROMEO, ROOM, IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query"))).get(0);
        assertThat(info.element().toString()).contains("var='urn:xmpp:occupant-id:0'");
    }

    @Test
    void theSecretIsCreatedOnceStoredWithTheFirstEffectsAndIdsSurviveARestart() {
        Effects first = f.handle(join(ROMEO, ROOM + "/romeo"));
        assertThat(first.changes()).first().isInstanceOf(DurableChange.ServiceSecretCreated.class);
        String before = idOn(first.stanzas(), ROOM + "/romeo", ROMEO);
        assertThat(f.handle(leave(ROMEO, ROOM + "/romeo")).changes()).isEmpty();
        assertThat(store.serviceSecret()).contains("esecret1");

        ServiceFixture restarted = fixture(store);
        Effects again = restarted.handle(join(ROMEO, ROOM + "/romeo"));
        assertThat(again.changes()).isEmpty(); // the store had a secret: nothing to create
        assertThat(idOn(again.stanzas(), ROOM + "/romeo", ROMEO)).isEqualTo(before);

        InMemoryRoomStore otherSecret = new InMemoryRoomStore();
        otherSecret.apply(List.of(new DurableChange.ServiceSecretCreated("another")));
        Effects elsewhere = fixture(otherSecret).handle(join(ROMEO, ROOM + "/romeo"));
        assertThat(idOn(elsewhere.stanzas(), ROOM + "/romeo", ROMEO)).isNotEqualTo(before); // keyed by the secret
    }

    @Test
    void aSecretWhoseCommitFailedIsReportedAgainAfterTheDiscard() {
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                new InMemoryRoomStore(), IdSource.sequential("x"));
        Effects lost = service.handle(join(ROMEO, ROOM + "/romeo"), Instant.EPOCH);
        assertThat(lost.changes()).containsExactly(new DurableChange.ServiceSecretCreated("xsecret1"));
        service.discardUnstored(lost.changes());
        Effects next = service.handle(leave(ROMEO, ROOM + "/romeo"), Instant.EPOCH);
        assertThat(next.changes()).containsExactly(new DurableChange.ServiceSecretCreated("xsecret1"));
        assertThat(service.handle(join(ROMEO, ROOM + "/romeo"), Instant.EPOCH).changes()).isEmpty();
        // Once stored, a failed commit of something else does not bring the secret back: a stanza
        // that changes nothing durable must not come to need the store.
        service.discardUnstored(List.of(new DurableChange.RoomRemoved(
                JidCreate.entityBareFromOrThrowUnchecked("gone@muc.example"))));
        service.discard(List.of());
        assertThat(service.handle(leave(ROMEO, ROOM + "/romeo"), Instant.EPOCH).changes()).isEmpty();
    }

    @Test
    void aSecretTheHostStoresAtStartRidesWithNoEffectsAndKeysTheIds() {
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                store, IdSource.sequential("e"));
        Optional<DurableChange.ServiceSecretCreated> taken = service.takeUnstoredSecret();
        assertThat(taken).contains(new DurableChange.ServiceSecretCreated("esecret1"));
        assertThat(service.takeUnstoredSecret()).as("handed over once").isEmpty();
        store.apply(List.of(taken.orElseThrow())); // as the host does, before any stanza

        Effects joined = service.handle(join(ROMEO, ROOM + "/romeo"), Instant.EPOCH);
        assertThat(joined.changes()).isEmpty();
        Effects restarted = fixture(store).handle(join(ROMEO, ROOM + "/romeo"));
        assertThat(idOn(joined.stanzas(), ROOM + "/romeo", ROMEO))
                .isEqualTo(idOn(restarted.stanzas(), ROOM + "/romeo", ROMEO));
    }

    @Test
    void aSecretTheHostCouldNotStoreAtStartIsReportedWithTheNextEffects() {
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                new InMemoryRoomStore(), IdSource.sequential("x"));
        DurableChange.ServiceSecretCreated taken = service.takeUnstoredSecret().orElseThrow();
        service.discardUnstored(List.of(taken));

        assertThat(service.handle(join(ROMEO, ROOM + "/romeo"), Instant.EPOCH).changes()).containsExactly(taken);
    }

    @Test
    void aServiceOverAStoreThatHasASecretHasNoneToStore() {
        store.apply(List.of(new DurableChange.ServiceSecretCreated("kept")));
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                store, IdSource.sequential("x"));
        assertThat(service.takeUnstoredSecret()).isEmpty();
    }

    private static List<dev.mucengine.core.xml.Node> append(Message m, Element e) {
        List<dev.mucengine.core.xml.Node> children = new java.util.ArrayList<>(m.element().children());
        children.add(e);
        return children;
    }
}
