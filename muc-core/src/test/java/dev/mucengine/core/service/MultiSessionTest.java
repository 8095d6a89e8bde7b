package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.addressesOf;
import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.field;
import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.InMemoryRoomStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * One user in a room from several clients under one nickname (XEP-0045 §7.2.8): one occupant
 * with several sessions.
 */
class MultiSessionTest {

    private static final String ROOM = "garden@muc.example";
    private static final String ROMEO = "romeo@example.net/orchard";
    private static final String DESK = "juliet@example.net/desk";
    private static final String PHONE = "juliet@example.net/phone";
    private static final String NURSE = "nurse@example.net/home";
    private static final String JULIET = ROOM + "/juliet";

    private ServiceFixture f;

    @BeforeEach
    void romeoAndJulietAtHerDesk() {
        f = new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                new InMemoryRoomStore());
        f.send(join(ROMEO, ROOM + "/romeo"));
        f.send(instantRoom(ROMEO, ROOM));
        f.send(join(DESK, JULIET));
    }

    private static List<String> recipients(List<Stanza> out) {
        return out.stream().map(s -> s.to().orElseThrow().toString()).toList();
    }

    private static Presence status(String user, String show) {
        return Presence.builder(PresenceType.AVAILABLE).from(jid(user)).to(jid(JULIET))
                .textChild("show", show).build();
    }

    @Test
    void aSecondSessionJoinsTheOccupantAndNobodyElseHearsOfIt() {
        List<Stanza> out = f.send(join(PHONE, JULIET));

        assertThat(recipients(out)).as("only the phone hears: the room, itself, the subject").containsOnly(PHONE);
        assertThat(addressesOf(out)).containsExactly(
                "presence " + ROOM + "/romeo -> " + PHONE,
                "presence " + JULIET + " -> " + PHONE,
                "message " + ROOM + " -> " + PHONE);
    }

    @Test
    void anotherUserStillGetsConflict() {
        List<Stanza> out = f.send(join(NURSE, JULIET));

        assertThat(out).singleElement().satisfies(s -> assertThat(((Presence) s).error().orElseThrow().condition())
                .isEqualTo(Condition.CONFLICT));
    }

    @Test
    void groupchatAndPrivateMessagesReachEverySession() {
        f.send(join(PHONE, JULIET));

        assertThat(recipients(f.send(groupchat(ROMEO, ROOM, "hello")))).containsExactly(ROMEO, DESK, PHONE);
        Message pm = Message.builder(MessageType.CHAT).from(jid(ROMEO)).to(jid(JULIET)).id("pm")
                .textChild("body", "psst").build();
        assertThat(recipients(f.send(pm))).containsExactly(DESK, PHONE);
    }

    @Test
    void othersSeeTheMostAvailableSession() {
        f.send(join(PHONE, JULIET));

        assertThat(recipients(f.send(status(DESK, "away"))))
                .as("the phone is plainly available: the shown presence is unchanged").containsExactly(DESK);
        List<Stanza> dnd = f.send(status(PHONE, "dnd"));
        assertThat(recipients(dnd)).as("away now ranks first: everyone hears, the phone its own dnd last")
                .containsExactly(ROMEO, DESK, PHONE);
        assertThat(((Presence) dnd.get(0)).show()).contains("away");
        assertThat(((Presence) dnd.get(2)).show()).contains("dnd");
        assertThat(recipients(f.send(status(PHONE, "chat")))).containsExactly(ROMEO, DESK, PHONE);
    }

    @Test
    void theOccupantLeavesWithItsLastSession() {
        f.send(join(PHONE, JULIET));

        List<Stanza> first = f.send(leave(DESK, JULIET));
        assertThat(recipients(first)).containsExactly(DESK);
        assertThat(((Presence) first.get(0)).type()).isEqualTo(PresenceType.UNAVAILABLE);
        List<Stanza> last = f.send(leave(PHONE, JULIET));
        assertThat(recipients(last)).containsExactly(ROMEO, PHONE);
        assertThat(last).allSatisfy(s -> assertThat(((Presence) s).type()).isEqualTo(PresenceType.UNAVAILABLE));
    }

    @Test
    void aBouncingSessionIsDroppedAlone() {
        f.send(join(PHONE, JULIET));

        List<Stanza> out = f.send(Presence.builder(PresenceType.ERROR).from(jid(PHONE)).to(jid(JULIET)).build());
        assertThat(recipients(out)).containsExactly(PHONE);
        assertThat(recipients(f.send(groupchat(ROMEO, ROOM, "still there?")))).containsExactly(ROMEO, DESK);
    }

    @Test
    void aFullRoomStillAdmitsAnotherSessionOfAnOccupant() {
        f.send(ownerSet(ROMEO, ROOM, configSubmit(field("muc#roomconfig_maxusers", "2"))));

        List<Stanza> refused = f.send(join(NURSE, ROOM + "/nurse"));
        assertThat(((Presence) refused.get(0)).error().orElseThrow().condition())
                .as("two occupants: full").isEqualTo(Condition.SERVICE_UNAVAILABLE);
        List<Stanza> admitted = f.send(join(PHONE, JULIET));
        assertThat(admitted).isNotEmpty().noneSatisfy(s -> assertThat(s instanceof Presence p
                && p.type() == PresenceType.ERROR).isTrue());
    }

    @Test
    void aNicknameOfTheSameUsersOtherOccupantIsAConflict() {
        f.send(join("juliet@example.net/tablet", ROOM + "/jules"));

        List<Stanza> out = f.send(Presence.builder(PresenceType.AVAILABLE).from(jid(DESK))
                .to(jid(ROOM + "/jules")).build());
        assertThat(((Presence) out.get(0)).error().orElseThrow().condition()).isEqualTo(Condition.CONFLICT);
    }
}
