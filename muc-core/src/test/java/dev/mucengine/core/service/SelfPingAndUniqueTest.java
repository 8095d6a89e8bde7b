package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;

/** XEP-0410 self-ping answered by the room (§3.3), and XEP-0045 §10.1.4 unique room names. */
class SelfPingAndUniqueTest {

    private static final String ROOM = "room@muc.example";
    private static final String ROMEO = "romeo@example.net/phone";
    private static final String ROMEO_LAPTOP = "romeo@example.net/laptop";
    private static final String JULIET = "juliet@example.net/balcony";

    private final ServiceFixture f = new ServiceFixture(
            ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")), new InMemoryRoomStore());

    private static Iq ping(String from, String to) {
        return iq(from, to, IqType.GET, Element.empty(XmppNamespaces.PING, "ping"));
    }

    private void enter() {
        f.send(join(JULIET, ROOM + "/juliet"));
        f.send(instantRoom(JULIET, ROOM));
        f.send(join(ROMEO, ROOM + "/romeo"));
    }

    @Test
    void aPingToOnesOwnOccupantJidIsAnsweredByTheRoom() {
        enter();
        List<Stanza> out = f.send(ping(ROMEO, ROOM + "/romeo"));
        assertThat(out).singleElement().isInstanceOfSatisfying(Iq.class, r -> {
            assertThat(r.type()).isEqualTo(IqType.RESULT);
            assertThat(r.from()).contains(jid(ROOM + "/romeo"));
            assertThat(r.to()).contains(jid(ROMEO));
            assertThat(r.id()).contains("q1");
        });
    }

    @Test
    void aPingFromSomeoneNotJoinedIsNotAcceptableFromTheRoom() {
        enter();
        // The same user's other client, not joined; and a stranger.
        for (String sender : List.of(ROMEO_LAPTOP, "tybalt@example.net/sword")) {
            List<Stanza> out = f.send(ping(sender, ROOM + "/romeo"));
            assertThat(out).singleElement().satisfies(s -> {
                assertThat(s.error()).isPresent();
                assertThat(s.error().get().condition()).isEqualTo(Condition.NOT_ACCEPTABLE);
                assertThat(s.error().get().by()).contains(ROOM);
                assertThat(s.to()).contains(jid(sender));
            });
        }
    }

    @Test
    void aPingToAnotherOccupantIsRelayedAsBefore() {
        enter();
        List<Stanza> out = f.send(ping(ROMEO, ROOM + "/juliet"));
        assertThat(out).singleElement().isInstanceOfSatisfying(Iq.class, r -> {
            assertThat(r.type()).isEqualTo(IqType.GET); // the ping itself, on its way to Juliet's client
            assertThat(r.from()).contains(jid(ROOM + "/romeo"));
            assertThat(r.to()).contains(jid(JULIET));
        });
    }

    @Test
    void theRoomAdvertisesSelfPingOptimization() {
        enter();
        Stanza info = f.send(iq(ROMEO, ROOM, IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query"))).get(0);
        assertThat(info.element().toString()).contains("var='" + MucNamespaces.MUC_SELF_PING + "'");
    }

    @Test
    void theServiceGivesRoomNamesNoRoomHasAndAdvertisesIt() {
        enter();
        Iq unique = iq(ROMEO, "muc.example", IqType.GET, Element.empty(MucNamespaces.MUC_UNIQUE, "unique"));
        Iq first = (Iq) f.send(unique).get(0);
        Iq second = (Iq) f.send(unique).get(0);
        assertThat(first.type()).isEqualTo(IqType.RESULT);
        String name = first.query().orElseThrow().text();
        assertThat(name).isEqualTo("esecret2"); // the service's own secret took esecret1
        assertThat(second.query().orElseThrow().text()).isNotEqualTo(name);
        assertThat(first.query().orElseThrow().is(MucNamespaces.MUC_UNIQUE, "unique")).isTrue();

        Stanza info = f.send(iq(ROMEO, "muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_INFO, "query"))).get(0);
        assertThat(info.element().toString()).contains("var='" + MucNamespaces.MUC_UNIQUE + "'");

        Iq set = iq(ROMEO, "muc.example", IqType.SET, Element.empty(MucNamespaces.MUC_UNIQUE, "unique"));
        assertThat(f.send(set).get(0).error().orElseThrow().condition()).isEqualTo(Condition.BAD_REQUEST);
    }

    @Test
    void aNameARoomAlreadyHasIsNeverGiven() {
        // The sequential source's next secret is "esecret3": take that name first.
        f.send(iq(ROMEO, "muc.example", IqType.GET, Element.empty(MucNamespaces.MUC_UNIQUE, "unique")));
        f.send(join(ROMEO, "esecret3@muc.example/romeo"));
        Iq answer = (Iq) f.send(iq(ROMEO, "muc.example", IqType.GET,
                Element.empty(MucNamespaces.MUC_UNIQUE, "unique"))).get(0);
        assertThat(answer.query().orElseThrow().text()).isEqualTo("esecret4");
    }
}
