package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.store.InMemoryRoomStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The router on a real engine thread, with the engine's real outputs. */
class StanzaRouterTest {

    private static final String ROOM = "room@" + Stanzas.SERVICE;

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private EngineHarness harness;

    @AfterEach
    void stop() throws InterruptedException {
        harness.close();
    }

    private static String join(String user, String nick) {
        return "<presence from='" + user + "' to='" + ROOM + "/" + nick + "'/>"; // groupchat 1.0: an open room
    }

    @Test
    void theOutputsOfOneInputAllArriveBeforeWhatTheyCauseIsHandled() throws Exception {
        // Once the three have joined, x@localhost/gone goes away without telling the room: the
        // server bounces groupchat messages to it (RFC 6121 §8.5.3.2.1).
        AtomicBoolean gone = new AtomicBoolean();
        harness = new EngineHarness(store, stanza -> {
            boolean toGone = gone.get() && stanza.to().orElseThrow().toString().equals("x@localhost/gone");
            return toGone && stanza instanceof Message m && m.type() == MessageType.GROUPCHAT
                    ? List.of(stanza.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)))
                    : List.of();
        });
        harness.route(join("a@localhost/1", "A"), join("x@localhost/gone", "M"), join("b@localhost/1", "Z"));
        harness.takeDelivered();
        gone.set(true);

        harness.route("<message type='groupchat' from='a@localhost/1' to='" + ROOM + "'><body>hi</body></message>");

        List<Stanza> delivered = harness.takeDelivered();
        List<String> seen = delivered.stream().map(s -> s.getClass().getSimpleName() + " to "
                + s.to().orElseThrow()).toList();
        // The room's message reaches all three (in join order, which is also nick order) before the
        // bounce removes M (XEP-0045 §11.1): only then do the others, and M itself, hear of it.
        assertThat(seen).containsExactly(
                "Message to a@localhost/1", "Message to x@localhost/gone", "Message to b@localhost/1",
                "Presence to a@localhost/1", "Presence to b@localhost/1", "Presence to x@localhost/gone");
        assertThat(delivered.subList(3, 6)).allSatisfy(p -> {
            assertThat(((Presence) p).type()).isEqualTo(PresenceType.UNAVAILABLE);
            assertThat(p.from().orElseThrow().toString()).isEqualTo(ROOM + "/M");
        });
    }

    @Test
    void aLoopBetweenTheEngineAndADestinationEndsAtTheHopLimit() throws Exception {
        // A destination that answers every stanza with a new message to the room, which the room
        // answers with an error (not an occupant), forever.
        harness = new EngineHarness(store, stanza -> List.of(
                Stanzas.parse("<message from='s@localhost/1' to='" + ROOM + "'><body>?</body></message>")));

        harness.route("<message from='s@localhost/1' to='" + ROOM + "'><body>?</body></message>");

        assertThat(harness.takeDelivered()).hasSize(StanzaRouter.MAX_HOPS / 2).allMatch(Stanza::isError);
    }

    @Test
    void theStoreHoldsAChangeBeforeTheStanzasThatTellOfItAreDelivered() throws Exception {
        List<Boolean> storedWhenDelivered = new ArrayList<>();
        harness = new EngineHarness(store, stanza -> {
            storedWhenDelivered.add(store.load(JidCreate.entityBareFromOrThrowUnchecked(ROOM)).isPresent());
            return List.of();
        });
        harness.route(join("owner@localhost/1", "Owner"));
        harness.onEngine(storedWhenDelivered::clear);

        harness.route("<iq type='set' id='cfg' from='owner@localhost/1' to='" + ROOM + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                + "<field var='muc#roomconfig_persistentroom'><value>1</value></field></x></query></iq>");

        assertThat(storedWhenDelivered).isNotEmpty().containsOnly(true);
    }

    @Test
    void outputsWaitForTheEndOfTheBatchAndKeepTheOrderOfTheInputs() throws Exception {
        harness = new EngineHarness(store, stanza -> List.of());
        List<Integer> deliveredDuringTheTask = new ArrayList<>();

        harness.onEngine(() -> {
            harness.router.route(Stanzas.parse(join("a@localhost/1", "A")));
            harness.router.route(Stanzas.parse("<message type='groupchat' from='a@localhost/1' to='" + ROOM
                    + "'><body>one</body></message>"));
            harness.router.route(Stanzas.parse("<presence from='a@localhost/1' to='" + ROOM + "/A'>"
                    + "<show>away</show></presence>"));
            deliveredDuringTheTask.add(harness.delivered.size());
        });

        assertThat(deliveredDuringTheTask).containsExactly(0);
        assertThat(harness.takeDelivered()).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("Presence", "Message", "Message", "Presence");
    }

    @Test
    void toServiceHandsTheEngineEvenAStanzaForAnotherDomain() throws Exception {
        harness = new EngineHarness(store, stanza -> List.of());

        harness.onEngine(() -> harness.router.toService(Stanzas.parse("<message from='a@localhost/1' "
                + "to='elsewhere@example.org'><body>misrouted</body></message>")));

        assertThat(harness.takeDelivered()).as("the engine ignores it; it is not sent on").isEmpty();
    }
}
