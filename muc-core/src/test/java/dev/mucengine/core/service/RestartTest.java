package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.field;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A new service over the store of an old one: what the engine reads (the directory once, a room
 * when it is addressed) and what survives (rooms, and the counts the limits are checked against).
 */
class RestartTest {

    private static final String OWNER = "owner@example.net/desk";
    private static final String STRANGER = "stranger@example.net/pc";

    private static ServiceConfig config(Limits limits) {
        return ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")).withLimits(limits);
    }

    private static Limits roomLimits(int maxRooms, int maxRoomsPerUser) {
        Limits d = Limits.DEFAULTS;
        return new Limits(d.maxOccupantsPerRoom(), maxRooms, maxRoomsPerUser, d.historySize(), d.maxSubjectLength(),
                d.maxNickLength(), d.maxReasonLength(), d.maxMessageLength(), d.roomCreationsPerMinute());
    }

    private static void persistentRoom(ServiceFixture f, String room, String name) {
        f.send(join(OWNER, room + "/owner"));
        f.send(ownerSet(OWNER, room, configSubmit(field("muc#roomconfig_persistentroom", "1"),
                field("muc#roomconfig_roomname", name))));
        f.send(leave(OWNER, room + "/owner"));
    }

    private static Condition refusal(List<Stanza> out) {
        return out.get(0).error().orElseThrow().condition();
    }

    @Test
    void listingRoomsLoadsNoneAndAddressingOneLoadsItOnce() {
        RecordingStore store = new RecordingStore();
        ServiceFixture before = new ServiceFixture(config(Limits.DEFAULTS), store);
        persistentRoom(before, "one@muc.example", "First");
        persistentRoom(before, "two@muc.example", "Second");

        store.reads.clear();
        ServiceFixture after = new ServiceFixture(config(Limits.DEFAULTS), store);
        List<Stanza> items = after.send(iq(STRANGER, "muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_ITEMS, "query")));
        assertThat(items.get(0).toString()).contains("name='First'").contains("name='Second'");
        assertThat(store.reads).containsExactly("directory");

        after.send(join(OWNER, "two@muc.example/owner"));
        after.send(leave(OWNER, "two@muc.example/owner"));
        after.send(join(OWNER, "two@muc.example/owner"));
        assertThat(store.reads).as("the room, and its archive's newest messages for its history, once")
                .containsExactly("directory", "load two@muc.example", "archive two@muc.example");
    }

    @Test
    void aRoomNotInTheDirectoryIsNeverLookedFor() {
        RecordingStore store = new RecordingStore();
        ServiceFixture f = new ServiceFixture(config(Limits.DEFAULTS), store);
        f.send(iq(STRANGER, "nowhere@muc.example", IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query")));
        assertThat(store.reads).containsExactly("directory");
    }

    @Test
    void roomsAUserCreatedStillCountAfterARestart() {
        RecordingStore store = new RecordingStore();
        ServiceFixture before = new ServiceFixture(config(roomLimits(10, 1)), store);
        persistentRoom(before, "mine@muc.example", "Mine");

        ServiceFixture after = new ServiceFixture(config(roomLimits(10, 1)), store);
        assertThat(refusal(after.send(join(OWNER, "another@muc.example/owner"))))
                .as("the stored room still counts toward the creator's limit").isEqualTo(Condition.NOT_ALLOWED);

        after.send(join(OWNER, "mine@muc.example/owner"));
        after.send(ownerSet(OWNER, "mine@muc.example", Element.empty(
                MucNamespaces.MUC_OWNER, "destroy")));
        assertThat(after.send(join(OWNER, "another@muc.example/owner"))).noneMatch(Stanza::isError);
    }

    @Test
    void storedRoomsCountTowardTheServiceLimitBeforeTheyAreLoaded() {
        RecordingStore store = new RecordingStore();
        ServiceFixture before = new ServiceFixture(config(roomLimits(1, 10)), store);
        persistentRoom(before, "only@muc.example", "Only");

        ServiceFixture after = new ServiceFixture(config(roomLimits(1, 10)), store);
        assertThat(refusal(after.send(join(STRANGER, "second@muc.example/x"))))
                .isEqualTo(Condition.RESOURCE_CONSTRAINT);
    }

    @Test
    void aRoomTheStoreLostIsForgottenNotServedHalfLoaded() {
        RecordingStore store = new RecordingStore();
        ServiceFixture before = new ServiceFixture(config(Limits.DEFAULTS), store);
        persistentRoom(before, "lost@muc.example", "Lost");
        ServiceFixture after = new ServiceFixture(config(Limits.DEFAULTS), store);
        store.records.apply(List.of(new DurableChange.RoomRemoved(
                JidCreate.entityBareFromOrThrowUnchecked("lost@muc.example"))));

        List<Stanza> info = after.send(iq(STRANGER, "lost@muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_INFO, "query")));
        assertThat(refusal(info)).isEqualTo(Condition.ITEM_NOT_FOUND);
        List<Stanza> items = after.send(iq(STRANGER, "muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_ITEMS, "query")));
        assertThat(items.get(0).toString()).doesNotContain("lost@muc.example");
    }
}
