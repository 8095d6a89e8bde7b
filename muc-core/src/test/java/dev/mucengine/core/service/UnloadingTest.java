package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.field;
import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Unloading idle rooms (issue 12): an empty persistent room leaves memory once the host says its
 * changes are stored, comes back from the store as it was when next addressed, and answers
 * exactly as if it had stayed; a room that holds what its record does not stays.
 */
class UnloadingTest {

    private static final String ROOM = "garden@muc.example";
    private static final String OWNER = "romeo@example.net/garden";
    private static final String GUEST = "juliet@example.com/balcony";
    private static final String GUEST_ACCOUNT = "juliet@example.com";
    private static final String STRANGER = "nurse@example.org/kitchen";

    private final RecordingStore store = new RecordingStore();
    private final ServiceFixture f = new ServiceFixture(config(), store);

    private static ServiceConfig config() {
        return ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"));
    }

    private int unload() {
        return f.service.unloadIdleRooms(room -> true);
    }

    /** Romeo creates the room, persistent and named, with an extra setting; stays in it. */
    private void persistentRoom(ServiceFixture on, Element... settings) {
        on.send(join(OWNER, ROOM + "/romeo"));
        List<Element> fields = new ArrayList<>(List.of(field("muc#roomconfig_persistentroom", "1"),
                field("muc#roomconfig_roomname", "Garden")));
        fields.addAll(List.of(settings));
        on.send(ownerSet(OWNER, ROOM, configSubmit(fields.toArray(Element[]::new))));
    }

    private static Message subject(String user, String text) {
        return Message.builder(MessageType.GROUPCHAT).from(jid(user)).to(jid(ROOM)).id("s-" + text)
                .textChild("subject", text).build();
    }

    private static Iq adminSet(String user, String jid, String affiliation) {
        return iq(user, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_ADMIN, "query")
                .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("jid", jid)
                        .attribute("affiliation", affiliation).build())
                .build());
    }

    private static Iq vcardSet(String user, String name) {
        return iq(user, ROOM, IqType.SET, Element.builder(XmppNamespaces.VCARD, "vCard")
                .textChild(XmppNamespaces.VCARD, "FN", name).build());
    }

    private static Message invite(String from, String invitee) {
        return Message.builder(MessageType.NORMAL).from(jid(from)).to(jid(ROOM)).id("inv")
                .child(Element.builder(MucNamespaces.MUC_USER, "x")
                        .child(Element.builder(MucNamespaces.MUC_USER, "invite").attribute("to", invitee).build())
                        .build())
                .build();
    }

    private static Message decline(String from) {
        return Message.builder(MessageType.NORMAL).from(jid(from)).to(jid(ROOM)).id("dec")
                .child(Element.builder(MucNamespaces.MUC_USER, "x")
                        .child(Element.empty(MucNamespaces.MUC_USER, "decline")).build())
                .build();
    }

    private static String text(List<Stanza> out) {
        return out.toString();
    }

    @Test
    void anEmptiedPersistentRoomIsUnloadedAndComesBackAsItWas() {
        persistentRoom(f);
        f.send(subject(OWNER, "Roses"));
        f.send(adminSet(OWNER, GUEST_ACCOUNT, "member"));
        f.send(vcardSet(OWNER, "The Garden"));
        f.send(leave(OWNER, ROOM + "/romeo"));
        assertThat(f.service.liveRoomCount()).as("empty, but the host has not said its changes are stored").isOne();

        assertThat(unload()).isOne();
        assertThat(f.service.liveRoomCount()).isZero();
        assertThat(text(f.send(iq(STRANGER, "muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_ITEMS, "query")))))
                .as("still listed: its directory entry stays").contains("name='Garden'");
        store.reads.clear();

        List<Stanza> entered = f.send(join(GUEST, ROOM + "/juliet"));
        assertThat(store.reads).as("loaded again, and its history started from its archive")
                .containsExactly("load " + ROOM, "archive " + ROOM);
        assertThat(f.service.liveRoomCount()).isOne();
        assertThat(text(entered)).as("the member affiliation and the subject came back")
                .contains("affiliation='member'").contains("<subject>Roses</subject>");
        assertThat(text(f.send(iq(GUEST, ROOM, IqType.GET, Element.empty(XmppNamespaces.VCARD, "vCard")))))
                .contains("The Garden");
        assertThat(text(f.send(iq(STRANGER, ROOM, IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query")))))
                .contains("name='Garden'").contains("muc_persistent");
    }

    @Test
    void onlyTheRoomsTheCallerOwnsAreUnloaded() {
        persistentRoom(f);
        f.send(leave(OWNER, ROOM + "/romeo"));

        assertThat(f.service.unloadIdleRooms(room -> !room.toString().equals(ROOM))).isZero();
        assertThat(f.service.liveRoomCount()).isOne();
        assertThat(f.service.unloadIdleRooms(room -> room.toString().equals(ROOM))).isOne();
        assertThat(f.service.liveRoomCount()).isZero();
    }

    @Test
    void aRoomWithOccupantsOrATemporaryRoomIsNotUnloaded() {
        persistentRoom(f);
        assertThat(unload()).isZero();
        assertThat(f.service.liveRoomCount()).isOne();

        f.send(join(STRANGER, "temporary@muc.example/nurse"));
        f.send(iq(STRANGER, "temporary@muc.example", IqType.SET,
                Element.builder(MucNamespaces.MUC_OWNER, "query")
                        .child(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit").build())
                        .build()));
        f.send(leave(STRANGER, "temporary@muc.example/nurse"));
        assertThat(f.service.liveRoomCount()).as("a temporary room goes when it empties, as before").isOne();
        assertThat(unload()).isZero();
    }

    @Test
    void historyARoomDoesNotArchiveKeepsItLive() {
        persistentRoom(f, field("muc#roomconfig_enablearchiving", "0"));
        f.send(groupchat(OWNER, ROOM, "remember-me"));
        f.send(leave(OWNER, ROOM + "/romeo"));

        assertThat(unload()).as("unloading would lose the history").isZero();
        assertThat(text(f.send(join(GUEST, ROOM + "/juliet")))).contains("remember-me");
    }

    /** A persistent room that archives, with one message, emptied. */
    private void emptiedAfterAMessage() {
        persistentRoom(f);
        f.send(groupchat(OWNER, ROOM, "archived"));
        f.send(leave(OWNER, ROOM + "/romeo"));
    }

    @Test
    void historyARoomArchivesComesBackFromTheArchive() {
        emptiedAfterAMessage();

        assertThat(unload()).isOne();
        assertThat(text(f.send(join(GUEST, ROOM + "/juliet")))).contains("archived");
    }

    /**
     * A host's clock reads finer than the archive keeps ({@code Instant.now()}: microseconds on
     * Linux). History keeps what the archive keeps, so the room still unloads, and a joiner sees
     * the same delay stamps before and after.
     */
    @Test
    void historyStampedFinerThanTheArchiveKeepsComesBackTheSame() {
        f.now = ServiceFixture.T0.plusNanos(123_456_789);
        emptiedAfterAMessage();
        List<Stanza> live = delayed(f.send(join(GUEST, ROOM + "/juliet")));
        f.send(leave(GUEST, ROOM + "/juliet"));

        assertThat(unload()).isOne();
        assertThat(delayed(f.send(join(GUEST, ROOM + "/juliet")))).isEqualTo(live);
        assertThat(text(live)).contains("<body>archived</body>").contains("stamp='2026-01-01T00:00:00.123Z'");
    }

    /** The history among a joiner's stanzas: those with a delay (XEP-0203). */
    private static List<Stanza> delayed(List<Stanza> entered) {
        return entered.stream().filter(s -> s.element().child(XmppNamespaces.DELAY, "delay").isPresent()).toList();
    }

    @Test
    void aRoomWhoseArchiveCannotBeReadStaysUntilItCanBe() {
        emptiedAfterAMessage();

        store.archiveDown = true;
        assertThat(unload()).as("whether history would come back is not known").isZero();
        store.archiveDown = false;
        assertThat(unload()).as("asked again, with no new input").isOne();
    }

    @Test
    void aPendingInvitationKeepsTheRoomLiveUntilDeclined() {
        persistentRoom(f);
        f.send(invite(OWNER, GUEST_ACCOUNT));
        f.send(leave(OWNER, ROOM + "/romeo"));
        assertThat(unload()).as("a decline must still reach Romeo").isZero();

        assertThat(f.send(decline(GUEST))).singleElement()
                .satisfies(s -> assertThat(s.to().map(Object::toString)).contains(OWNER));
        assertThat(unload()).isOne();
    }

    @Test
    void aRequestForwardedToAnAccountKeepsTheRoomLiveUntilAnswered() {
        persistentRoom(f);
        f.send(join(GUEST, ROOM + "/juliet"));
        List<Stanza> forwarded = f.send(Iq.builder(IqType.GET).from(jid(OWNER)).to(jid(ROOM + "/juliet")).id("v1")
                .child(Element.empty(XmppNamespaces.VCARD, "vCard")).build());
        Iq request = (Iq) forwarded.get(0);
        f.send(leave(GUEST, ROOM + "/juliet"));
        f.send(leave(OWNER, ROOM + "/romeo"));
        assertThat(unload()).as("Romeo is owed an answer").isZero();

        List<Stanza> answer = f.send(Iq.builder(IqType.RESULT).from(jid(GUEST_ACCOUNT)).to(jid(ROOM + "/romeo"))
                .id(request.id().orElseThrow()).build());
        assertThat(answer).singleElement().satisfies(s -> assertThat(s.id()).contains("v1"));
        assertThat(unload()).as("answered: nothing left to lose").isOne();
    }

    /**
     * The same conversation with a service that stays live and with one that unloads every idle
     * room after each stanza: every output the same, stanza for stanza, while the second did
     * unload (and so loaded the room again) between the steps.
     */
    @Test
    void unloadingChangesNoOutput() {
        ServiceFixture kept = new ServiceFixture(config(), new InMemoryRoomStore());
        ServiceFixture unloaded = new ServiceFixture(config(), new InMemoryRoomStore());
        List<Function<ServiceFixture, List<Stanza>>> steps = List.of(
                on -> on.send(join(OWNER, ROOM + "/romeo")),
                on -> on.send(ownerSet(OWNER, ROOM, configSubmit(field("muc#roomconfig_persistentroom", "1"),
                        field("muc#roomconfig_roomname", "Garden")))),
                on -> on.send(subject(OWNER, "Roses")),
                on -> on.send(groupchat(OWNER, ROOM, "one")),
                on -> on.send(adminSet(OWNER, GUEST_ACCOUNT, "member")),
                on -> on.send(groupchat(OWNER, ROOM, "two")),
                on -> on.send(leave(OWNER, ROOM + "/romeo")),
                on -> on.send(iq(STRANGER, ROOM, IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query"))),
                on -> on.send(join(GUEST, ROOM + "/juliet")),
                on -> on.send(groupchat(GUEST, ROOM, "three")),
                on -> on.send(leave(GUEST, ROOM + "/juliet")),
                on -> {
                    on.now = on.now.plus(Duration.ofMinutes(5));
                    return on.send(join(OWNER, ROOM + "/romeo"));
                },
                on -> on.send(subject(OWNER, "Tulips")),
                on -> on.send(vcardSet(OWNER, "The Garden")),
                on -> on.send(leave(OWNER, ROOM + "/romeo")),
                on -> on.send(join(GUEST, ROOM + "/juliet")),
                on -> on.send(leave(GUEST, ROOM + "/juliet")),
                on -> on.send(iq(GUEST, ROOM, IqType.GET, Element.empty(XmppNamespaces.VCARD, "vCard"))));
        int unloads = 0;
        for (Function<ServiceFixture, List<Stanza>> step : steps) {
            List<Stanza> expected = step.apply(kept);
            assertThat(step.apply(unloaded)).isEqualTo(expected);
            unloads += unloaded.service.unloadIdleRooms(room -> true);
        }
        assertThat(unloads).as("the room was unloaded after it emptied each time, and after each query to it while empty")
                .isEqualTo(6);
        assertThat(kept.service.liveRoomCount()).isOne();
        assertThat(unloaded.service.liveRoomCount()).isZero();
    }
}
