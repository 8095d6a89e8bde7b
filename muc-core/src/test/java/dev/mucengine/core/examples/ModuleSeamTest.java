package dev.mucengine.core.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.module.StandardModules;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The module seam as an embedder uses it, through the public API only: a module of one's own is
 * one class and one line of configuration; a standard one can be left out.
 */
class ModuleSeamTest {

    private static final String ROOM = "garden@muc.example";
    private static final String OWNER = "romeo@example.net/orchard";
    private static final String GUEST = "juliet@example.net/balcony";

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private MucService service;

    private static ServiceConfig config() {
        return ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"));
    }

    private void start(ServiceConfig config) {
        service = new MucService(config, store, IdSource.sequential("m"));
    }

    private List<Stanza> send(Stanza stanza) {
        Effects effects = service.handle(stanza, Instant.parse("2026-01-01T00:00:00Z"));
        store.apply(effects.changes());
        return effects.stanzas();
    }

    private static Jid jid(String s) {
        return JidCreate.fromOrThrowUnchecked(s);
    }

    private static Presence join(String user, String nick) {
        return Presence.builder(PresenceType.AVAILABLE).from(jid(user)).to(jid(ROOM + "/" + nick))
                .child(Element.empty(MucNamespaces.MUC, "x")).build();
    }

    private static Message groupchat(String user, String body) {
        return Message.builder(MessageType.GROUPCHAT).from(jid(user)).to(jid(ROOM)).id("g-" + body)
                .textChild("body", body).build();
    }

    private static Iq owner(IqType type, Element... payload) {
        ElementBuilder query = Element.builder(MucNamespaces.MUC_OWNER, "query");
        for (Element e : payload) {
            query.child(e);
        }
        return Iq.builder(type).from(jid(OWNER)).to(jid(ROOM)).id("o").child(query.build()).build();
    }

    private static Element submit(String var, String... values) {
        ElementBuilder field = Element.builder(XmppNamespaces.DATA, "field").attribute("var", var);
        for (String v : values) {
            field.textChild(XmppNamespaces.DATA, "value", v);
        }
        return Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit").child(field.build()).build();
    }

    private DataForm configurationForm() {
        Iq answer = (Iq) send(owner(IqType.GET)).get(0);
        return DataForm.fromElement(answer.query().orElseThrow().child(XmppNamespaces.DATA, "x").orElseThrow());
    }

    private List<String> discoFeatures() {
        Iq answer = (Iq) send(Iq.builder(IqType.GET).from(jid(GUEST)).to(jid(ROOM)).id("d")
                .child(Element.empty(XmppNamespaces.DISCO_INFO, "query")).build()).get(0);
        return answer.query().orElseThrow().children(XmppNamespaces.DISCO_INFO, "feature").stream()
                .map(f -> f.attribute("var").orElseThrow()).toList();
    }

    @Test
    void theWordFilterRefusesListedWordsAndLetsTheRestThrough() {
        start(config().withModule(new WordFilter()));
        send(join(OWNER, "romeo"));
        send(owner(IqType.SET, submit(WordFilter.WORDS, "Spoiler", " ")));
        send(join(GUEST, "juliet"));

        List<Stanza> refused = send(groupchat(GUEST, "no SPOILERS please"));
        assertThat(refused).singleElement().satisfies(s -> {
            assertThat(s.to()).contains(jid(GUEST));
            assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.NOT_ACCEPTABLE);
        });
        assertThat(send(groupchat(GUEST, "hello"))).hasSize(2).noneMatch(Stanza::isError);
    }

    @Test
    void theFieldIsInTheFormAfterTheStandardOnesAndItsValueIsStoredWithTheRoom() {
        start(config().withModule(new WordFilter()));
        send(join(OWNER, "romeo"));
        assertThat(configurationForm().fields()).last().extracting(FormField::var).isEqualTo(WordFilter.WORDS);
        send(owner(IqType.SET, Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(Element.builder(XmppNamespaces.DATA, "field").attribute("var", WordFilter.WORDS)
                        .textChild(XmppNamespaces.DATA, "value", "spoiler").build())
                .child(Element.builder(XmppNamespaces.DATA, "field").attribute("var", "muc#roomconfig_persistentroom")
                        .textChild(XmppNamespaces.DATA, "value", "1").build())
                .build()));

        start(config().withModule(new WordFilter())); // a restart over the same store
        send(join(OWNER, "romeo"));
        assertThat(configurationForm().values(WordFilter.WORDS)).containsExactly("spoiler");
        assertThat(send(groupchat(OWNER, "a spoiler"))).singleElement().matches(Stanza::isError);
    }

    @Test
    void leavingAStandardModuleOutRemovesItsFieldItsFeatureAndWhatItDid() {
        start(config().withModules(StandardModules.without("voice-requests")));
        send(join(OWNER, "romeo"));
        send(owner(IqType.SET, submit("muc#roomconfig_moderatedroom", "1")));
        assertThat(configurationForm().field("muc#roomconfig_allowvoicerequests")).isEmpty();
        assertThat(discoFeatures()).doesNotContain(MucNamespaces.MUC_REQUEST).contains("muc_moderated");

        send(join(GUEST, "juliet"));
        Element request = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(Element.builder(XmppNamespaces.DATA, "field").attribute("var", "FORM_TYPE")
                        .textChild(XmppNamespaces.DATA, "value", MucNamespaces.MUC_REQUEST).build()).build();
        List<Stanza> answer = send(Message.builder(MessageType.NORMAL).from(jid(GUEST)).to(jid(ROOM))
                .child(request).build());
        assertThat(answer).singleElement().satisfies(s ->
                assertThat(s.error().orElseThrow().condition()).isEqualTo(Condition.BAD_REQUEST));
    }

    /** Marks what the room sends on an occupant's behalf, and counts each room's messages in its own state. */
    private static final class Marker implements RoomModule {
        static final String NS = "urn:example:marker";

        /** Per room, how many groupchat messages went out. */
        static final class Count {
            int messages;
        }

        @Override
        public String name() {
            return "marker";
        }

        @Override
        public List<Node> presenceExtensions(RoomView room, Occupant occupant) {
            return List.of(Element.builder(NS, "by").attribute("nick", occupant.nick().toString()).build());
        }

        @Override
        public Message decorateMessage(ModuleContext context, Occupant sender, Message message) {
            List<Node> children = new ArrayList<>(message.element().children());
            children.add(Element.builder(NS, "by").attribute("nick", sender.nick().toString()).build());
            return message.withChildren(children);
        }

        @Override
        public void groupchatSent(ModuleContext context, Occupant sender, Message reflected) {
            context.roomState(Count.class, Count::new).messages++;
        }

        @Override
        public Set<String> iqNamespaces() {
            return Set.of(NS);
        }

        @Override
        public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
            int count = context.roomState(Count.class, Count::new).messages;
            context.send(iq.resultReply(Element.builder(NS, "count").text(Integer.toString(count)).build()));
        }
    }

    @Test
    void decorationsReachEverythingSentOnAnOccupantsBehalfAndStateStaysWithTheRoom() {
        start(config().withModule(new Marker()));
        send(join(OWNER, "romeo"));
        send(owner(IqType.SET, Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit").build()));
        List<Stanza> joined = send(join(GUEST, "juliet"));
        assertThat(joined).filteredOn(s -> s instanceof Presence)
                .allSatisfy(p -> assertThat(p.payload(Marker.NS, "by")).isPresent());
        List<Stanza> chat = send(groupchat(GUEST, "hi"));
        assertThat(chat).hasSize(2).allSatisfy(m ->
                assertThat(m.payload(Marker.NS, "by").flatMap(e -> e.attribute("nick"))).contains("juliet"));
        Message pm = Message.builder(MessageType.CHAT).from(jid(GUEST)).to(jid(ROOM + "/romeo"))
                .textChild("body", "psst").build();
        assertThat(send(pm)).singleElement().satisfies(m -> assertThat(m.payload(Marker.NS, "by")).isPresent());

        Iq ask = Iq.builder(IqType.GET).from(jid(GUEST)).to(jid(ROOM)).id("c")
                .child(Element.empty(Marker.NS, "count")).build();
        assertThat(send(ask).get(0).element().toString()).contains(">1</count>");
    }

    @Test
    void modulesThatClashAreRefusedWhenTheServiceIsBuilt() {
        assertThatThrownBy(() -> start(config().withModule(new WordFilter()).withModule(new WordFilter())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("word-filter");
        RoomModule anotherOwner = new RoomModule() {
            @Override
            public String name() {
                return "my-owner";
            }

            @Override
            public Set<String> iqNamespaces() {
                return Set.of(MucNamespaces.MUC_OWNER);
            }
        };
        assertThatThrownBy(() -> start(config().withModule(anotherOwner)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(MucNamespaces.MUC_OWNER);
        assertThatThrownBy(() -> StandardModules.without("voice-request"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voice-request");
    }
}
