package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.ArchiveQuery;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What the host does while its store is down: the requests that change durable state get
 * resource-constraint and nothing that would acknowledge them, the rooms they touched start
 * again from what is stored, everything else goes on, and the log says it once.
 */
class StoreOutageTest {

    private static final String ROOM = "kept@" + Stanzas.SERVICE;
    private static final EntityBareJid ROOM_JID = JidCreate.entityBareFromOrThrowUnchecked(ROOM);
    private static final String OWNER = "owner@localhost/1";
    private static final String GUEST = "guest@localhost/1";

    private final OutageStore store = new OutageStore();
    private EngineHarness harness;

    @BeforeEach
    void persistentRoomWithTwoOccupants() throws Exception {
        harness = new EngineHarness(store, stanza -> List.of());
        harness.route("<presence from='" + OWNER + "' to='" + ROOM + "/Owner'/>",
                configure("persist", "muc#roomconfig_persistentroom", "1"),
                "<presence from='" + GUEST + "' to='" + ROOM + "/Guest'/>");
        harness.takeDelivered();
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private static String configure(String id, String var, String value) {
        return Stanzas.configure(OWNER, ROOM, id, var, value);
    }

    private static String groupchat(String from, String body) {
        return "<message type='groupchat' id='" + body + "' from='" + from + "' to='" + ROOM + "'><body>" + body
                + "</body></message>";
    }

    @Test
    void aChangeThatCannotBeStoredIsRefusedAndNotAnnounced() throws Exception {
        store.down = true;

        harness.route(configure("rename", "muc#roomconfig_roomname", "Renamed"));

        List<Stanza> out = harness.takeDelivered();
        assertThat(out).filteredOn(Iq.class::isInstance).singleElement().satisfies(iq -> {
            assertThat(((Iq) iq).type()).isEqualTo(IqType.ERROR);
            assertThat(iq.error().orElseThrow().condition()).isEqualTo(Condition.RESOURCE_CONSTRAINT);
        });
        assertThat(out).as("no status 104: the change did not happen")
                .noneMatch(s -> s instanceof Message m && m.type() == MessageType.GROUPCHAT);
        assertThat(out).as("both occupants leave the room, which starts again from what is stored")
                .filteredOn(s -> s instanceof Presence p && p.type() == PresenceType.UNAVAILABLE)
                .extracting(s -> s.to().orElseThrow().toString()).containsExactly(OWNER, GUEST);
        store.down = false;
        assertThat(store.stored.load(ROOM_JID).orElseThrow().config().name()).isEmpty();
    }

    @Test
    void aMessageThatCannotBeArchivedIsBouncedToItsSenderOnly() throws Exception {
        store.down = true;

        harness.route(groupchat(GUEST, "lost"));

        List<Stanza> out = harness.takeDelivered();
        assertThat(out).filteredOn(Message.class::isInstance).singleElement().satisfies(m -> {
            assertThat(m.to().orElseThrow().toString()).isEqualTo(GUEST);
            assertThat(m.error().orElseThrow().condition()).isEqualTo(Condition.RESOURCE_CONSTRAINT);
        });
    }

    @Test
    void whatChangesNothingDurableGoesOnDuringTheOutage() throws Exception {
        store.down = true;

        harness.route("<presence from='" + GUEST + "' to='" + ROOM + "/Guest'><show>away</show></presence>",
                "<presence from='a@localhost/1' to='temporary@" + Stanzas.SERVICE + "/A'/>");

        List<Stanza> out = harness.takeDelivered();
        assertThat(out).filteredOn(Presence.class::isInstance).extracting(s -> s.from().orElseThrow().toString())
                .contains(ROOM + "/Guest", "temporary@" + Stanzas.SERVICE + "/A");
        assertThat(out).noneMatch(Stanza::isError);
    }

    @Test
    void afterTheOutageTheRoomComesBackFromTheStoreAndTheLogToldItOnce() throws Exception {
        store.down = true;
        harness.route(groupchat(GUEST, "lost-1"));
        harness.route(groupchat(OWNER, "lost-2"), configure("rename", "muc#roomconfig_roomname", "Renamed"));
        harness.route("<presence from='" + GUEST + "' to='" + ROOM + "/Guest'/>");
        assertThat(harness.takeDelivered()).as("entering needs the room's record: refused while down")
                .filteredOn(Stanza::isError).isNotEmpty()
                .allSatisfy(s -> assertThat(s.error().orElseThrow().condition())
                        .isEqualTo(Condition.RESOURCE_CONSTRAINT));

        store.down = false;
        harness.route("<presence from='" + GUEST + "' to='" + ROOM + "/Guest'/>", groupchat(GUEST, "kept"));

        List<Stanza> out = harness.takeDelivered();
        assertThat(out).noneMatch(Stanza::isError);
        assertThat(out).filteredOn(s -> s instanceof Message m && m.body().isPresent())
                .extracting(s -> ((Message) s).body().orElseThrow()).containsExactly("kept");
        assertThat(store.stored.queryArchive(ROOM_JID, ArchiveQuery.newest(10)).orElseThrow().messages())
                .extracting(m -> m.message().body().orElseThrow()).containsExactly("kept");
        assertThat(harness.log).as("one line when it failed, one when it came back")
                .filteredOn(line -> line.startsWith("room store")).hasSize(2)
                .first().asString().startsWith("room store unavailable: database unreachable");
        assertThat(harness.log).last().asString().startsWith("room store recovered after ");
    }
}
