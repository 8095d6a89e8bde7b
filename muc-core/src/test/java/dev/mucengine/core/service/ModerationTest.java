package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/** Moderated retraction (XEP-0425, both versions) and retraction of one's own message (XEP-0424). */
class ModerationTest {

    private static final String ROOM = "council@muc.example";
    private static final EntityBareJid ROOM_JID = JidCreate.entityBareFromOrThrowUnchecked(ROOM);
    private static final String OWNER = "owner@example.net/desk";
    private static final String MEMBER = "member@example.net/phone";
    private static final String MODERATE = "urn:xmpp:message-moderate:1";
    private static final String MODERATE_0 = "urn:xmpp:message-moderate:0";
    private static final String RETRACT = "urn:xmpp:message-retract:1";
    private static final String RETRACT_0 = "urn:xmpp:message-retract:0";
    private static final String FASTEN = "urn:xmpp:fasten:0";

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private ServiceFixture f;
    private String spam;

    @BeforeEach
    void roomWhereTheMemberSaidSomething() {
        f = service(true, store);
        spam = stanzaId(f.send(groupchat(MEMBER, ROOM, "spam")));
    }

    private static ServiceFixture service(boolean persistent, InMemoryRoomStore store) {
        ServiceFixture s = new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"))
                .withRoomDefaults(RoomConfig.defaults().toBuilder().persistent(persistent).build()), store);
        s.send(join(OWNER, ROOM + "/owner"));
        s.send(ownerSet(OWNER, ROOM, configSubmit()));
        s.send(join(MEMBER, ROOM + "/member"));
        return s;
    }

    private static String stanzaId(List<Stanza> out) {
        return out.get(0).element().child(XmppNamespaces.STANZA_ID, "stanza-id").flatMap(e -> e.attribute("id"))
                .orElseThrow();
    }

    private static Iq moderate(String user, String id, String reason) {
        return iq(user, ROOM, IqType.SET, Element.builder(MODERATE, "moderate").attribute("id", id)
                .child(Element.empty(RETRACT, "retract")).textChild(MODERATE, "reason", reason).build());
    }

    private static Iq moderate0(String user, String id) {
        return iq(user, ROOM, IqType.SET, Element.builder(FASTEN, "apply-to").attribute("id", id)
                .child(Element.builder(MODERATE_0, "moderate").child(Element.empty(RETRACT_0, "retract"))
                        .textChild(MODERATE_0, "reason", "old client").build()).build());
    }

    private static Message retractOwn(String user, String id) {
        return Message.builder(MessageType.GROUPCHAT).from(jid(user)).to(jid(ROOM)).id("r1")
                .child(Element.builder(RETRACT, "retract").attribute("id", id).build())
                .textChild("body", "This person retracted a message").build();
    }

    private Optional<Message> archived(String id) {
        ArchiveQuery byId = new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(id), Optional.empty(), Optional.empty(), 1, false);
        return store.queryArchive(ROOM_JID, byId).map(ArchivePage::messages)
                .flatMap(m -> m.stream().findFirst()).map(m -> m.message());
    }

    private static String error(List<Stanza> out) {
        assertThat(out).hasSize(1);
        return out.get(0).error().orElseThrow().condition().wireName();
    }

    @Test
    void aModeratorRetractsAMessageEveryOccupantIsToldAndTheArchiveKeepsATombstone() {
        Effects effects = f.handle(moderate(OWNER, spam, "Spam"));

        List<Stanza> out = effects.stanzas();
        assertThat(ServiceFixture.addressesOf(out)).containsExactly("message " + ROOM + " -> " + OWNER,
                "message " + ROOM + " -> " + MEMBER, "iq " + ROOM + " -> " + OWNER);
        Element announcement = out.get(1).element();
        Element retract = announcement.child(RETRACT, "retract").orElseThrow();
        assertThat(retract.attribute("id")).contains(spam);
        assertThat(retract.child(MODERATE, "moderated").flatMap(m -> m.attribute("by"))).contains(ROOM + "/owner");
        assertThat(retract.childText(RETRACT, "reason")).contains("Spam");
        Optional<String> moderatorId = retract.child(MODERATE, "moderated")
                .flatMap(m -> m.child("urn:xmpp:occupant-id:0", "occupant-id")).flatMap(o -> o.attribute("id"));
        assertThat(moderatorId).as("the moderator's occupant id (XEP-0421)").hasValueSatisfying(
                id -> assertThat(id).hasSize(43).isNotEqualTo(occupantIdOf(tombstoneOf(spam))));
        Element applyTo = announcement.child(FASTEN, "apply-to").orElseThrow();
        assertThat(applyTo.attribute("id")).contains(spam);
        assertThat(applyTo.child(MODERATE_0, "moderated").flatMap(m -> m.child(RETRACT_0, "retract"))).isPresent();
        assertThat(((Iq) out.get(2)).type()).isEqualTo(IqType.RESULT);
        assertThat(effects.changes()).singleElement().isInstanceOf(DurableChange.MessageRetracted.class);

        Message tombstone = archived(spam).orElseThrow();
        assertThat(tombstone.body()).isEmpty();
        assertThat(tombstone.from().map(Object::toString)).contains(ROOM + "/member");
        Element retracted = tombstone.payload(RETRACT, "retracted").orElseThrow();
        assertThat(retracted.attribute("stamp")).contains(ServiceFixture.T0.toString());
        assertThat(retracted.child(MODERATE, "moderated").flatMap(m -> m.attribute("by"))).contains(ROOM + "/owner");
        assertThat(retracted.child(MODERATE, "moderated").flatMap(m -> m.child("urn:xmpp:occupant-id:0", "occupant-id"))
                .flatMap(o -> o.attribute("id"))).isEqualTo(moderatorId);
        assertThat(tombstone.payload(XmppNamespaces.STANZA_ID, "stanza-id")).isPresent();
    }

    @Test
    void theEarlierFormIsAcceptedToo() {
        List<Stanza> out = f.send(moderate0(OWNER, spam));

        assertThat(((Iq) out.get(out.size() - 1)).type()).isEqualTo(IqType.RESULT);
        assertThat(archived(spam).orElseThrow().body()).isEmpty();
        assertThat(archived(spam).orElseThrow().payload(MODERATE_0, "moderated")
                .flatMap(m -> m.childText(MODERATE_0, "reason"))).contains("old client");
    }

    @Test
    void historyOnEntryNoLongerShowsTheText() {
        f.send(moderate(OWNER, spam, "Spam"));
        f.send(leave(MEMBER, ROOM + "/member"));

        List<Stanza> entry = f.send(join(MEMBER, ROOM + "/member"));

        assertThat(entry).noneMatch(s -> s instanceof Message m && m.body().isPresent());
    }

    @Test
    void aParticipantMayNotModerate() {
        assertThat(error(f.send(moderate(MEMBER, spam, "mine")))).isEqualTo("forbidden");
        assertThat(archived(spam).orElseThrow().body()).contains("spam");
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(error(f.send(moderate(OWNER, "no-such-id", "?")))).isEqualTo("item-not-found");
    }

    @Test
    void aModerationWithoutRetractIsABadRequest() {
        Iq empty = iq(OWNER, ROOM, IqType.SET, Element.builder(MODERATE, "moderate").attribute("id", spam).build());
        assertThat(error(f.send(empty))).isEqualTo("bad-request");
    }

    @Test
    void aReasonLongerThanTheLimitIsNotAcceptable() {
        String reason = "x".repeat(Limits.DEFAULTS.maxReasonLength() + 1);
        assertThat(error(f.send(moderate(OWNER, spam, reason)))).isEqualTo("not-acceptable");
        assertThat(archived(spam).orElseThrow().body()).contains("spam");
    }

    @Test
    void aRoomWithoutArchiveFindsNoMessageAndAdvertisesNoModeration() {
        ServiceFixture temporary = service(false, new InMemoryRoomStore());
        String id = temporary.send(groupchat(MEMBER, ROOM, "said")).get(0).element()
                .child(XmppNamespaces.STANZA_ID, "stanza-id").flatMap(e -> e.attribute("id")).orElse("e1");

        assertThat(error(temporary.send(moderate(OWNER, id, "?")))).isEqualTo("item-not-found");
        List<Stanza> info = temporary.send(iq(OWNER, ROOM, IqType.GET,
                Element.empty(XmppNamespaces.DISCO_INFO, "query")));
        assertThat(info.get(0).element().toString()).doesNotContain(MODERATE).doesNotContain(RETRACT);
    }

    @Test
    void aRoomWhoseArchivingIsTurnedOffFindsNoMessageItArchivedBefore() {
        f.send(ownerSet(OWNER, ROOM, configSubmit(ServiceFixture.field("muc#roomconfig_enablearchiving", "0"))));

        assertThat(error(f.send(moderate(OWNER, spam, "late")))).isEqualTo("item-not-found");
        assertThat(archived(spam).orElseThrow().body()).contains("spam");
    }

    @Test
    void anArchivingRoomAdvertisesModerationAndRetraction() {
        List<Stanza> info = f.send(iq(MEMBER, ROOM, IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query")));
        assertThat(info.get(0).element().toString()).contains(MODERATE).contains(MODERATE_0).contains(RETRACT);
    }

    @Test
    void theSenderRetractsItsOwnMessage() {
        Effects effects = f.handle(retractOwn(MEMBER, spam));

        assertThat(effects.stanzas()).hasSize(2).allMatch(s -> s.element().child(RETRACT, "retract").isPresent());
        assertThat(effects.changes()).anyMatch(DurableChange.MessageRetracted.class::isInstance);
        Message tombstone = archived(spam).orElseThrow();
        assertThat(tombstone.body()).isEmpty();
        assertThat(tombstone.payload(RETRACT, "retracted").flatMap(r -> r.attribute("stamp"))).isPresent();
        assertThat(tombstone.payload(RETRACT_0, "retracted")).as("Smack 4.5 cannot parse it alone").isEmpty();
    }

    @Test
    void theEarlierOwnRetractionFormIsAcceptedToo() {
        Message old = Message.builder(MessageType.GROUPCHAT).from(jid(MEMBER)).to(jid(ROOM)).id("r0")
                .child(Element.builder(FASTEN, "apply-to").attribute("id", spam)
                        .child(Element.empty(RETRACT_0, "retract")).build()).build();

        f.send(old);

        assertThat(archived(spam).orElseThrow().body()).isEmpty();
    }

    @Test
    void nobodyRetractsAnotherOccupantsMessageAsItsOwn() {
        assertThat(error(f.send(retractOwn(OWNER, spam)))).isEqualTo("forbidden");
        assertThat(archived(spam).orElseThrow().body()).contains("spam");
    }

    @Test
    void anOwnRetractionOfAnUnknownIdIsNotFound() {
        assertThat(error(f.send(retractOwn(MEMBER, "no-such-id")))).isEqualTo("item-not-found");
    }

    private Message tombstoneOf(String id) {
        return archived(id).orElseThrow();
    }

    /** The sender's occupant id a tombstone keeps. */
    private static String occupantIdOf(Message m) {
        return m.payload("urn:xmpp:occupant-id:0", "occupant-id").flatMap(o -> o.attribute("id")).orElseThrow();
    }
}
