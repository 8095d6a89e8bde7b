package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A vCard request to an occupant JID goes to the occupant's account (XEP-0045 §17.4); whatever
 * the account's server answers, the requester gets exactly one reply, from the occupant JID, with
 * its own id.
 */
class OccupantVcardForwardingTest {

    private static final String ROOM = "garden@muc.example";
    private static final String ROMEO = "romeo@example.net/garden";
    private static final String JULIET = "juliet@example.com/balcony";
    private static final String JULIET_ACCOUNT = "juliet@example.com";

    private final ServiceFixture f = new ServiceFixture(
            ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")), new InMemoryRoomStore());

    @BeforeEach
    void setUp() {
        f.send(join(ROMEO, ROOM + "/romeo"));
        f.send(instantRoom(ROMEO, ROOM));
        f.send(join(JULIET, ROOM + "/juliet"));
    }

    private static Iq vcardGet(String from, String to, String id) {
        return Iq.builder(IqType.GET).from(jid(from)).to(jid(to)).id(id)
                .child(Element.empty(XmppNamespaces.VCARD, "vCard")).build();
    }

    /** Romeo asks Juliet's occupant JID; returns the request as forwarded. */
    private Iq forward(String id) {
        List<Stanza> out = f.send(vcardGet(ROMEO, ROOM + "/juliet", id));
        assertThat(out).singleElement().isInstanceOf(Iq.class);
        Iq forwarded = (Iq) out.get(0);
        assertThat(forwarded.from().map(Object::toString)).contains(ROOM + "/romeo");
        assertThat(forwarded.to().map(Object::toString)).contains(JULIET_ACCOUNT);
        return forwarded;
    }

    @Test
    void theAccountsResultReachesTheRequesterFromTheOccupantJidWithItsId() {
        Iq forwarded = forward("v1");
        Element card = Element.builder(XmppNamespaces.VCARD, "vCard").textChild(XmppNamespaces.VCARD, "FN", "J")
                .build();
        List<Stanza> out = f.send(Iq.builder(IqType.RESULT).from(jid(JULIET_ACCOUNT)).to(jid(ROOM + "/romeo"))
                .id(forwarded.id().orElseThrow()).child(card).build());
        assertThat(out).singleElement().isInstanceOfSatisfying(Iq.class, answer -> {
            assertThat(answer.type()).isEqualTo(IqType.RESULT);
            assertThat(answer.id()).contains("v1");
            assertThat(answer.from().map(Object::toString)).contains(ROOM + "/juliet");
            assertThat(answer.to().map(Object::toString)).contains(ROMEO);
            assertThat(answer.query()).contains(card);
        });
        // Answered once: the same answer again is nothing the room waits for.
        assertThat(f.send(Iq.builder(IqType.RESULT).from(jid(JULIET_ACCOUNT)).to(jid(ROOM + "/romeo"))
                .id(forwarded.id().orElseThrow()).build())).isEmpty();
    }

    @Test
    void theAccountsErrorReachesTheRequesterToo() {
        Iq forwarded = forward("v2");
        List<Stanza> out = f.send(forwarded.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
        assertThat(out).singleElement().satisfies(answer -> {
            assertThat(answer.id()).contains("v2");
            assertThat(answer.from().map(Object::toString)).contains(ROOM + "/juliet");
            assertThat(answer.to().map(Object::toString)).contains(ROMEO);
            assertThat(answer.error().map(StanzaError::condition)).contains(Condition.SERVICE_UNAVAILABLE);
        });
    }

    @Test
    void onlyTheAccountAskedMayAnswer() {
        Iq forwarded = forward("v3");
        assertThat(f.send(Iq.builder(IqType.RESULT).from(jid("mallory@example.org")).to(jid(ROOM + "/romeo"))
                .id(forwarded.id().orElseThrow()).build())).isEmpty();
        assertThat(f.send(Iq.builder(IqType.RESULT).from(jid(JULIET_ACCOUNT)).to(jid(ROOM + "/romeo"))
                .id(forwarded.id().orElseThrow()).build())).hasSize(1);
    }

    @Test
    void aRequesterWhoLeftStillGetsItsAnswer() {
        Iq forwarded = forward("v4");
        f.send(leave(ROMEO, ROOM + "/romeo"));
        assertThat(f.send(Iq.builder(IqType.RESULT).from(jid(JULIET_ACCOUNT)).to(jid(ROOM + "/romeo"))
                .id(forwarded.id().orElseThrow()).build())).singleElement()
                .satisfies(a -> assertThat(a.to().map(Object::toString)).contains(ROMEO));
    }

    @Test
    void anUnansweredRequestTimesOutWithOneErrorAndIsForgotten() {
        Iq forwarded = forward("v5");
        f.now = f.now.plus(Duration.ofSeconds(61));
        Iq next = (Iq) f.send(vcardGet(ROMEO, ROOM + "/juliet", "v6")).stream()
                .filter(s -> s.to().map(Object::toString).orElse("").equals(JULIET_ACCOUNT)).findFirst().orElseThrow();
        List<Stanza> timedOut = f.send(Iq.builder(IqType.RESULT).from(jid(JULIET_ACCOUNT)).to(jid(ROOM + "/romeo"))
                .id(forwarded.id().orElseThrow()).build());
        assertThat(timedOut).isEmpty(); // its time is up: the requester already had its error
        assertThat(next.id()).isNotEqualTo(forwarded.id());
    }

    /** The engine has no timer: any later input to the room is the occasion to answer. */
    @Test
    void theTimeoutErrorComesWithTheRoomsNextInputOfAnyKind() {
        forward("v9");
        f.now = f.now.plus(Duration.ofSeconds(61));
        List<Stanza> out = f.send(Message.builder(MessageType.GROUPCHAT).from(jid(JULIET)).to(jid(ROOM))
                .textChild("body", "still here").build());
        assertThat(out).filteredOn(s -> s.id().filter("v9"::equals).isPresent()).singleElement()
                .satisfies(e -> assertThat(e.error().map(StanzaError::condition))
                        .contains(Condition.REMOTE_SERVER_TIMEOUT));
    }

    /** The last occupants leave before Juliet's server answers: Romeo still gets one answer. */
    @Test
    void aRoomThatClosesAnswersTheRequestsItWaitsOn() {
        forward("v10");
        f.send(leave(JULIET, ROOM + "/juliet"));
        List<Stanza> out = f.send(leave(ROMEO, ROOM + "/romeo"));
        assertThat(out).filteredOn(s -> s.id().filter("v10"::equals).isPresent()).singleElement()
                .satisfies(e -> {
                    assertThat(e.to().map(Object::toString)).contains(ROMEO);
                    assertThat(e.from().map(Object::toString)).contains(ROOM + "/juliet");
                    assertThat(e.error().map(StanzaError::condition)).contains(Condition.ITEM_NOT_FOUND);
                });
    }

    @Test
    void theTimeoutErrorGoesToTheRequesterFromTheOccupantJid() {
        forward("v7");
        f.now = f.now.plus(Duration.ofSeconds(61));
        List<Stanza> out = f.send(vcardGet(ROMEO, ROOM + "/juliet", "v8"));
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).satisfies(e -> {
            assertThat(e.id()).contains("v7");
            assertThat(e.from().map(Object::toString)).contains(ROOM + "/juliet");
            assertThat(e.to().map(Object::toString)).contains(ROMEO);
            assertThat(e.error().map(StanzaError::condition)).contains(Condition.REMOTE_SERVER_TIMEOUT);
        });
    }

    @Test
    void beyondSixtyFourWaitingRequestsTheRoomRefusesAtOnce() {
        List<Stanza> last = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            last = f.send(vcardGet(ROMEO, ROOM + "/juliet", "n" + i));
        }
        assertThat(last).singleElement().satisfies(e -> {
            assertThat(e.id()).contains("n64");
            assertThat(e.to().map(Object::toString)).contains(ROMEO);
            assertThat(e.error().map(StanzaError::condition)).contains(Condition.RESOURCE_CONSTRAINT);
        });
    }

    @Test
    void otherIqsBetweenOccupantsStillGoToTheClientUnderTheirOwnId() {
        List<Stanza> out = f.send(Iq.builder(IqType.GET).from(jid(ROMEO)).to(jid(ROOM + "/juliet")).id("p1")
                .child(Element.empty(XmppNamespaces.PING, "ping")).build());
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.id()).contains("p1");
            assertThat(s.to().map(Object::toString)).contains(JULIET);
        });
    }
}
