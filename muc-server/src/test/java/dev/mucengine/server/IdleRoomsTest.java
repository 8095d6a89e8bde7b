package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The host unloads an emptied persistent room only once its batch is stored (issue 12): within
 * the batch the room stays as it is, after a failed commit nothing is unloaded, and an unloaded
 * room comes back from the store with the batch's changes.
 */
class IdleRoomsTest {

    private static final String ROOM = "idle@" + Stanzas.SERVICE;
    private static final String OTHER = "other@" + Stanzas.SERVICE;
    private static final String OWNER = "owner@localhost/1";
    private static final String GUEST = "guest@localhost/1";

    private final OutageStore store = new OutageStore();
    private EngineHarness harness;

    @BeforeEach
    void start() {
        harness = new EngineHarness(store, stanza -> List.of());
    }

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private static String configure(String room, String var, String value) {
        return Stanzas.configure(OWNER, room, "c-" + value, var, value);
    }

    private static String enter(String user, String room, String nick) {
        return "<presence from='" + user + "' to='" + room + "/" + nick + "'/>";
    }

    private static String exit(String user, String room, String nick) {
        return "<presence type='unavailable' from='" + user + "' to='" + room + "/" + nick + "'/>";
    }

    private static String discoInfo(String from, String room) {
        return "<iq type='get' id='info' from='" + from + "' to='" + room + "'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>";
    }

    /** A persistent room, stored, that its owner left: unloaded at the end of that batch. */
    private void storedEmptyRoom(String room) throws Exception {
        harness.route(enter(OWNER, room, "Owner"), configure(room, "muc#roomconfig_persistentroom", "1"),
                exit(OWNER, room, "Owner"));
        harness.takeDelivered();
    }

    private static EntityBareJid jid(String room) {
        return JidCreate.entityBareFromOrThrowUnchecked(room);
    }

    @Test
    void aRoomThatEmptiesIsUnloadedAtTheEndOfItsBatchAndComesBackWithItsChanges() throws Exception {
        storedEmptyRoom(ROOM);
        assertThat(harness.service.liveRoomCount()).isZero();

        harness.route(enter(OWNER, ROOM, "Owner"), configure(ROOM, "muc#roomconfig_roomname", "Renamed"),
                exit(OWNER, ROOM, "Owner"));
        assertThat(harness.service.liveRoomCount()).isZero();
        assertThat(store.stored.load(jid(ROOM)).orElseThrow().config().name()).contains("Renamed");
        harness.takeDelivered();

        harness.route(discoInfo(GUEST, ROOM));
        assertThat(harness.takeDelivered()).filteredOn(Iq.class::isInstance).singleElement()
                .satisfies(info -> assertThat(info.toString()).contains("name='Renamed'"));
    }

    @Test
    void withinOneBatchARoomThatEmptiesAndIsEnteredAgainIsNotReadBackStale() throws Exception {
        storedEmptyRoom(ROOM);

        // One batch: the room is renamed and emptied, then entered and asked about before the
        // batch is stored. Read back from the store at that point, it would have its old name.
        harness.route(enter(OWNER, ROOM, "Owner"), configure(ROOM, "muc#roomconfig_roomname", "Renamed"),
                exit(OWNER, ROOM, "Owner"), enter(GUEST, ROOM, "Guest"), discoInfo(GUEST, ROOM));

        List<Stanza> out = harness.takeDelivered();
        assertThat(out).filteredOn(s -> s instanceof Iq iq && iq.id().orElse("").equals("info")).singleElement()
                .satisfies(info -> assertThat(info.toString()).contains("name='Renamed'"));
        assertThat(out).filteredOn(s -> s instanceof Presence && s.to().orElseThrow().toString().equals(GUEST))
                .as("the guest entered the existing room, not a new one (no status 201)")
                .isNotEmpty().noneMatch(s -> s.toString().contains("code='201'"));
        assertThat(harness.service.liveRoomCount()).as("occupied: live").isOne();
    }

    @Test
    void afterAFailedCommitNothingIsUnloaded() throws Exception {
        storedEmptyRoom(ROOM);
        storedEmptyRoom(OTHER);
        harness.route(enter(GUEST, ROOM, "Guest"), enter(OWNER, OTHER, "Owner"));
        assertThat(harness.service.liveRoomCount()).isEqualTo(2);

        store.writesFail = true;
        // One batch: the guest's leaving changes nothing durable; the rename cannot be stored.
        harness.route(exit(GUEST, ROOM, "Guest"), configure(OTHER, "muc#roomconfig_roomname", "Lost"));
        assertThat(harness.service.liveRoomCount())
                .as("the room whose change was lost is discarded; the one that emptied is not unloaded")
                .isOne();

        store.writesFail = false;
        harness.route(discoInfo(GUEST, OTHER));
        assertThat(harness.takeDelivered()).filteredOn(s -> s instanceof Iq iq && iq.id().orElse("").equals("info"))
                .singleElement().satisfies(info -> assertThat(info.toString()).doesNotContain("name='Lost'"));
        assertThat(harness.service.liveRoomCount()).as("stored again: both idle rooms unloaded").isZero();
    }
}
