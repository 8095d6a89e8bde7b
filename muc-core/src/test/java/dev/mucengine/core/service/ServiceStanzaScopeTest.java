package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Which stanzas need every room held still ({@link MucService#needsAllRooms}): a host that
 * partitions the rooms pauses every other partition for those alone, so the answer must be true
 * for every stanza that reads or changes rooms anywhere, and false for the rest.
 */
class ServiceStanzaScopeTest {

    private static final String SERVICE = "muc.example";
    private static final String ADMIN = "admin@example.net/desk";
    private static final String USER = "romeo@example.net/orchard";

    private final ServiceFixture f = new ServiceFixture(ServiceConfig.of(
            JidCreate.domainBareFromOrThrowUnchecked(SERVICE)).withAdmins(Set.of(jid(ADMIN).asBareJid())),
            new InMemoryRoomStore());

    /** The destroy command without its form: a request for the form. */
    private static Element destroyCommand() {
        return Element.builder(XmppNamespaces.COMMANDS, "command").attribute("node", ServiceCommands.DESTROY_NODE)
                .build();
    }

    private static Element destroyCommand(Element form) {
        return Element.builder(XmppNamespaces.COMMANDS, "command").attribute("node", ServiceCommands.DESTROY_NODE)
                .child(form).build();
    }

    private static Element roomsToDestroy(String room) {
        return Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(Element.builder(XmppNamespaces.DATA, "field").attribute("var", "rooms")
                        .textChild(XmppNamespaces.DATA, "value", room).build())
                .build();
    }

    @Test
    void anAdministratorsSubmittedDestroyCommandNeedsAllRooms() {
        assertThat(f.service.needsAllRooms(iq(ADMIN, SERVICE, IqType.SET, destroyCommand(roomsToDestroy(
                "garden@muc.example"))))).isTrue();
    }

    @Test
    void whatReadsNoRoomNeedsNone() {
        List<Stanza> stanzas = List.of(
                iq(USER, SERVICE, IqType.GET, Element.empty(XmppNamespaces.PING, "ping")),
                iq(USER, SERVICE, IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query")),
                iq(USER, SERVICE, IqType.GET, Element.empty(XmppNamespaces.DISCO_ITEMS, "query")),
                iq(USER, SERVICE, IqType.GET, Element.empty(MucNamespaces.MUC_UNIQUE, "unique")),
                iq(USER, SERVICE, IqType.GET, Element.empty("vcard-temp", "vCard")),
                iq(ADMIN, SERVICE, IqType.SET, destroyCommand()), // asks for the form
                iq(ADMIN, SERVICE, IqType.SET, Element.builder(XmppNamespaces.COMMANDS, "command")
                        .attribute("node", ServiceCommands.DESTROY_NODE).attribute("action", "cancel")
                        .child(roomsToDestroy("garden@muc.example")).build()),
                iq(USER, SERVICE, IqType.SET, destroyCommand(roomsToDestroy("garden@muc.example"))), // forbidden
                iq(ADMIN, SERVICE, IqType.SET, Element.builder(XmppNamespaces.COMMANDS, "command")
                        .attribute("node", "urn:example:unknown").child(roomsToDestroy("garden@muc.example")).build()),
                iq(ADMIN, SERVICE, IqType.RESULT, destroyCommand(roomsToDestroy("garden@muc.example"))),
                Message.builder(MessageType.CHAT).from(jid(USER)).to(jid(SERVICE)).build(),
                Presence.builder(PresenceType.AVAILABLE).from(jid(USER)).to(jid(SERVICE)).build(),
                iq(ADMIN, SERVICE, IqType.GET, Element.empty(XmppNamespaces.PING, "ping"))
                        .errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
        assertThat(stanzas).noneMatch(f.service::needsAllRooms);
    }

    @Test
    void aStanzaToARoomOrAnotherDomainNeedsNoOtherRoom() {
        Element command = destroyCommand(roomsToDestroy("garden@muc.example"));
        assertThat(f.service.needsAllRooms(iq(ADMIN, "garden@muc.example", IqType.SET, command))).isFalse();
        assertThat(f.service.needsAllRooms(iq(ADMIN, "elsewhere.example", IqType.SET, command))).isFalse();
        assertThat(f.service.needsAllRooms(join(USER, "garden@muc.example/romeo"))).isFalse();
    }

    @Test
    void theRoomListFollowsLockingAndDestructionWithoutReadingRooms() {
        f.send(join(USER, "garden@muc.example/romeo"));
        assertThat(listed()).as("locked until configured (XEP-0045 §10.1.1)").isEmpty();

        f.send(instantRoom(USER, "garden@muc.example"));
        assertThat(listed()).containsExactly("garden@muc.example");

        f.send(iq(ADMIN, SERVICE, IqType.SET, destroyCommand(roomsToDestroy("garden@muc.example"))));
        assertThat(listed()).isEmpty();
    }

    private List<String> listed() {
        Stanza reply = f.send(iq(USER, SERVICE, IqType.GET, Element.empty(XmppNamespaces.DISCO_ITEMS, "query"))).get(0);
        return reply.element().child(XmppNamespaces.DISCO_ITEMS, "query").orElseThrow().elements().stream()
                .map(item -> item.attribute("jid").orElse("")).toList();
    }
}
