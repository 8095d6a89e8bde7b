package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.addressesOf;
import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.ErrorType;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;

class MucServiceTest {

    private static final DomainBareJid DOMAIN = JidCreate.domainBareFromOrThrowUnchecked("muc.example");
    private static final String ROMEO = "romeo@example.net/orchard";
    private static final String JULIET = "juliet@example.net/balcony";
    private static final String NURSE = "nurse@example.net/kitchen";

    private static ServiceFixture fixture() {
        return new ServiceFixture(ServiceConfig.of(DOMAIN), new InMemoryRoomStore());
    }

    private static ServiceFixture withInstantRoom(String room) {
        ServiceFixture f = fixture();
        f.send(join(ROMEO, room + "/romeo"));
        f.send(instantRoom(ROMEO, room));
        return f;
    }

    @Test
    void aNewRoomIsLockedUntilConfigured() {
        ServiceFixture f = fixture();
        List<Stanza> created = f.send(join(ROMEO, "garden@muc.example/romeo"));
        assertThat(created.get(0).element().toString()).contains("code='201'").contains("code='110'");
        List<Stanza> refused = f.send(join(JULIET, "garden@muc.example/juliet"));
        assertThat(refused).singleElement().satisfies(s ->
                assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.ITEM_NOT_FOUND));
        f.send(instantRoom(ROMEO, "garden@muc.example"));
        assertThat(f.send(join(JULIET, "garden@muc.example/juliet"))).noneMatch(Stanza::isError);
    }

    @Test
    void aGroupchatOneJoinCreatesAnInstantRoom() {
        ServiceFixture f = fixture();
        f.send(Presence.builder(PresenceType.AVAILABLE)
                .from(jid(ROMEO)).to(jid("old@muc.example/romeo")).build());
        assertThat(f.send(join(JULIET, "old@muc.example/juliet"))).noneMatch(Stanza::isError);
    }

    @Test
    void aNewcomerSeesOccupantsInJoinOrderEvenAfterNickChanges() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        f.send(join(JULIET, "garden@muc.example/juliet"));
        f.send(join(JULIET, "garden@muc.example/aaa-juliet")); // nick change must not reorder
        List<Stanza> out = f.send(join(NURSE, "garden@muc.example/nurse"));
        assertThat(addressesOf(out)).startsWith(
                "presence garden@muc.example/romeo -> " + NURSE,
                "presence garden@muc.example/aaa-juliet -> " + NURSE);
    }

    @Test
    void sameInputsGiveSameOutputs() {
        assertThat(transcript()).isEqualTo(transcript());
    }

    private static List<String> transcript() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        List<String> all = new ArrayList<>();
        for (Stanza s : f.send(join(JULIET, "garden@muc.example/juliet"))) {
            all.add(s.toString());
        }
        for (Stanza s : f.send(groupchat(JULIET, "garden@muc.example", "hello"))) {
            all.add(s.toString());
        }
        for (Stanza s : f.send(join(NURSE, "garden@muc.example/nurse"))) {
            all.add(s.toString());
        }
        return all;
    }

    @Test
    void groupchatIsReflectedToEveryoneWithTheSendersId() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        f.send(join(JULIET, "garden@muc.example/juliet"));
        List<Stanza> out = f.send(groupchat(JULIET, "garden@muc.example", "hi"));
        assertThat(out).hasSize(2).allSatisfy(s -> {
            assertThat(s.id()).contains("m-hi");
            assertThat(s.from()).contains(jid("garden@muc.example/juliet"));
        });
        assertThat(out.get(0).element().children()).isSameAs(out.get(1).element().children());
    }

    @Test
    void nonOccupantsCannotTalk() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        assertThat(f.send(groupchat(NURSE, "garden@muc.example", "psst"))).singleElement()
                .satisfies(s -> assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.NOT_ACCEPTABLE));
    }

    @Test
    void temporaryRoomsDisappearWhenEmpty() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        f.send(leave(ROMEO, "garden@muc.example/romeo"));
        assertThat(f.send(groupchat(ROMEO, "garden@muc.example", "anyone?"))).singleElement()
                .satisfies(s -> assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.ITEM_NOT_FOUND));
    }

    @Test
    void roomCreationRespectsPolicyAndLimits() {
        ServiceFixture adminsOnly = new ServiceFixture(ServiceConfig.of(DOMAIN)
                .withCreation(RoomCreation.ADMINS_ONLY), new InMemoryRoomStore());
        assertThat(adminsOnly.send(join(ROMEO, "r@muc.example/romeo"))).singleElement()
                .satisfies(s -> assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.NOT_ALLOWED));

        ServiceFixture limited = new ServiceFixture(ServiceConfig.of(DOMAIN)
                .withLimits(new Limits(1000, 10, 1, 20, 100, 64, 100, 1000, 10)), new InMemoryRoomStore());
        limited.send(join(ROMEO, "one@muc.example/romeo"));
        assertThat(limited.send(join(ROMEO, "two@muc.example/romeo"))).singleElement()
                .satisfies(s -> assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.NOT_ALLOWED));
    }

    @Test
    void serviceDiscoListsPublicRoomsOnly() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        f.send(join(JULIET, "locked@muc.example/juliet")); // locked: not listed
        List<Stanza> out = f.send(iq(NURSE, "muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_ITEMS, "query")));
        Element query = out.get(0).element().child(XmppNamespaces.DISCO_ITEMS, "query").orElseThrow();
        assertThat(query.elements()).extracting(e -> e.attribute("jid").orElse("")).containsExactly("garden@muc.example");
    }

    @Test
    void serviceDiscoInfoIdentifiesAConferenceService() {
        List<Stanza> out = fixture().send(iq(NURSE, "muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_INFO, "query")));
        String xml = out.get(0).toString();
        assertThat(xml).contains("category='conference'").contains("type='text'").contains("var='" + MucNamespaces.MUC + "'");
    }

    @Test
    void onlyAdminsMayDestroyRoomsByCommand() {
        ServiceFixture f = new ServiceFixture(ServiceConfig.of(DOMAIN).withAdmins(Set.of(jid("admin@example.net")
                .asBareJid())), new InMemoryRoomStore());
        f.send(join(ROMEO, "garden@muc.example/romeo"));
        Element command = Element.builder(XmppNamespaces.COMMANDS, "command")
                .attribute("node", ServiceCommands.DESTROY_NODE)
                .child(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                        .child(Element.builder(XmppNamespaces.DATA, "field").attribute("var", "rooms")
                                .textChild(XmppNamespaces.DATA, "value", "garden@muc.example").build())
                        .build())
                .build();
        assertThat(f.send(iq(JULIET, "muc.example", IqType.SET, command))).singleElement()
                .satisfies(s -> assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.FORBIDDEN));
        List<Stanza> out = f.send(iq("admin@example.net/desk", "muc.example", IqType.SET, command));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).toString()).contains("type='unavailable'").contains("<destroy/>");
        assertThat(out.get(1).toString()).contains("status='completed'").contains("garden@muc.example");
    }

    @Test
    void shutdownTellsEveryOccupantWith332() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        f.send(join(JULIET, "garden@muc.example/juliet"));
        List<Stanza> out = f.service.shutdown().stanzas();
        assertThat(out).hasSize(2).allSatisfy(s -> assertThat(s.toString()).contains("code='332'"));
        assertThat(f.send(join(JULIET, "garden@muc.example/juliet")).get(0).toString())
                .as("the emptied temporary room is gone: entering creates it anew").contains("code='201'");
    }

    @Test
    void stanzasForOtherDomainsAreIgnored() {
        assertThat(fixture().send(groupchat(ROMEO, "room@elsewhere.example", "x"))).isEmpty();
    }

    @Test
    void anIqWithTwoPayloadsIsRefusedAndNeitherIsActedOn() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        f.send(join(JULIET, "garden@muc.example/juliet"));
        Element voice = Element.builder(MucNamespaces.MUC_ADMIN, "query").child(Element.builder(
                MucNamespaces.MUC_ADMIN, "item").attribute("nick", "juliet").attribute("role", "visitor").build())
                .build();
        Element destroy = Element.builder(MucNamespaces.MUC_OWNER, "query")
                .child(Element.empty(MucNamespaces.MUC_OWNER, "destroy")).build();
        Iq both = Iq.builder(IqType.SET).from(jid(ROMEO)).to(jid("garden@muc.example")).id("two")
                .child(voice).child(destroy).build();

        List<Stanza> out = f.send(both);

        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.BAD_REQUEST);
            assertThat(s.id()).contains("two");
        });
        assertThat(f.send(groupchat(JULIET, "garden@muc.example", "still here, with voice")))
                .noneMatch(Stanza::isError);
    }

    @Test
    void anIqGetOrSetWithoutAnIdIsRefused() {
        ServiceFixture f = withInstantRoom("garden@muc.example");
        Iq noId = Iq.builder(IqType.GET).from(jid(ROMEO)).to(jid("garden@muc.example"))
                .child(Element.empty(XmppNamespaces.DISCO_INFO, "query")).build();

        assertThat(f.send(noId)).singleElement().satisfies(s ->
                assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.BAD_REQUEST));
    }

    @Test
    void oneUserCreatesAtMostTheConfiguredRoomsPerMinuteAndAgainAMinuteLater() {
        ServiceFixture f = new ServiceFixture(ServiceConfig.of(DOMAIN)
                .withLimits(Limits.DEFAULTS.withRoomCreationsPerMinute(3)), new InMemoryRoomStore());
        for (int i = 0; i < 3; i++) {
            assertThat(f.send(join(ROMEO, "r" + i + "@muc.example/romeo"))).noneMatch(Stanza::isError);
        }

        List<Stanza> fourth = f.send(join(ROMEO, "r3@muc.example/romeo"));
        assertThat(fourth).singleElement().satisfies(s -> {
            assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.RESOURCE_CONSTRAINT);
            assertThat(s.error().orElseThrow().type()).isEqualTo(ErrorType.WAIT);
        });
        assertThat(f.send(join(JULIET, "j0@muc.example/juliet"))).as("others are not held back")
                .noneMatch(Stanza::isError);

        f.now = f.now.plusSeconds(61);
        assertThat(f.send(join(ROMEO, "r3@muc.example/romeo"))).noneMatch(Stanza::isError);
    }

    @Test
    void aCreationRefusedForOneQuotaGivesBackWhatTheOthersTook() {
        Limits d = Limits.DEFAULTS;
        Limits twoRoomsOnePerUser = new Limits(d.maxOccupantsPerRoom(), 2, 1, d.historySize(), d.maxSubjectLength(),
                d.maxNickLength(), d.maxReasonLength(), d.maxMessageLength(), 2);
        ServiceFixture f = new ServiceFixture(ServiceConfig.of(DOMAIN).withLimits(twoRoomsOnePerUser),
                new InMemoryRoomStore());
        assertThat(f.send(join(ROMEO, "r0@muc.example/romeo"))).noneMatch(Stanza::isError);

        // Refused as Romeo's second room: the service's second place must not stay taken.
        assertThat(f.send(join(ROMEO, "r1@muc.example/romeo"))).singleElement().satisfies(s ->
                assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.NOT_ALLOWED));

        assertThat(f.send(join(JULIET, "j0@muc.example/juliet"))).as("the second place is still free")
                .noneMatch(Stanza::isError);
        assertThat(f.send(join(NURSE, "n0@muc.example/nurse"))).singleElement().satisfies(s ->
                assertThat(s.error().orElseThrow().text().orElse("")).isEqualTo("Too many rooms"));
    }
}
