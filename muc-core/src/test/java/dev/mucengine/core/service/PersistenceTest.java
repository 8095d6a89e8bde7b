package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Persistent rooms come back, with their configuration, affiliations and subject, after a restart. */
class PersistenceTest {

    private static final String ROOM = "council@muc.example";
    private static final String OWNER = "owner@example.net/desk";
    private static final String MEMBER = "member@example.net/phone";
    private static final String STRANGER = "stranger@example.net/pc";

    private static ServiceConfig config() {
        return ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"));
    }

    private static Element field(String var, String value) {
        return Element.builder(XmppNamespaces.DATA, "field").attribute("var", var)
                .textChild(XmppNamespaces.DATA, "value", value).build();
    }

    private static Element submit(Element... fields) {
        ElementBuilder x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(field("FORM_TYPE", MucNamespaces.MUC_ROOMCONFIG));
        for (Element f : fields) {
            x.child(f);
        }
        return x.build();
    }

    private static Element memberItem(String jid) {
        return Element.builder(MucNamespaces.MUC_ADMIN, "query").child(Element.builder(MucNamespaces.MUC_ADMIN, "item")
                .attribute("affiliation", "member").attribute("jid", jid).attribute("nick", "Member").build()).build();
    }

    @Test
    void aPersistentRoomSurvivesARestartOverTheSameStore() {
        InMemoryRoomStore store = new InMemoryRoomStore();
        ServiceFixture before = new ServiceFixture(config(), store);
        before.send(join(OWNER, ROOM + "/Owner"));
        before.send(ownerSet(OWNER, ROOM, submit(field("muc#roomconfig_persistentroom", "1"),
                field("muc#roomconfig_membersonly", "1"), field("muc#roomconfig_roomname", "The Council"))));
        before.send(iq(OWNER, ROOM, IqType.SET, memberItem("member@example.net")));
        before.send(Message.builder(MessageType.GROUPCHAT).from(ServiceFixture.jid(OWNER))
                .to(ServiceFixture.jid(ROOM)).textChild("subject", "Budget").build());
        before.send(leave(OWNER, ROOM + "/Owner"));
        assertThat(store.load(JidCreate.entityBareFromOrThrowUnchecked(ROOM))).as("saved after the owner left")
                .isPresent();

        ServiceFixture after = new ServiceFixture(config(), store);
        // Members-only survived: a stranger is refused, the member (with reserved nick) gets in.
        assertThat(after.send(join(STRANGER, ROOM + "/x"))).singleElement().satisfies(s ->
                assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.REGISTRATION_REQUIRED));
        Element roomUserItem = Element.builder(XmppNamespaces.DISCO_INFO, "query").attribute("node", "x-roomuser-item")
                .build();
        assertThat(after.send(iq(MEMBER, ROOM, IqType.GET, roomUserItem)).get(0).toString())
                .as("reserved nick kept").contains("name='Member'");
        List<Stanza> entered = after.send(join(MEMBER, ROOM + "/Member"));
        assertThat(entered).noneMatch(Stanza::isError);
        assertThat(entered.get(entered.size() - 1).toString()).as("subject kept").contains("Budget");
        // The owner is still the owner, and the name is still listed.
        List<Stanza> disco = after.send(iq(STRANGER, "muc.example", IqType.GET,
                Element.empty(XmppNamespaces.DISCO_ITEMS, "query")));
        assertThat(disco.get(0).toString()).contains("The Council");
        assertThat(after.send(join(OWNER, ROOM + "/Owner")).get(1).toString()).contains("affiliation='owner'");
    }

    @Test
    void aTemporaryRoomIsNotStored() {
        InMemoryRoomStore store = new InMemoryRoomStore();
        ServiceFixture f = new ServiceFixture(config(), store);
        f.send(join(OWNER, ROOM + "/Owner"));
        f.send(ownerSet(OWNER, ROOM, submit()));
        f.send(groupchat(OWNER, ROOM, "hello"));
        assertThat(store.directory()).isEmpty();
    }

    @Test
    void turningPersistenceOffForgetsTheStoredRoom() {
        InMemoryRoomStore store = new InMemoryRoomStore();
        ServiceFixture f = new ServiceFixture(config(), store);
        f.send(join(OWNER, ROOM + "/Owner"));
        f.send(ownerSet(OWNER, ROOM, submit(field("muc#roomconfig_persistentroom", "1"))));
        assertThat(store.directory()).hasSize(1);
        f.send(ownerSet(OWNER, ROOM, submit(field("muc#roomconfig_persistentroom", "0"))));
        assertThat(store.directory()).isEmpty();
    }
}
