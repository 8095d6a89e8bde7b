package dev.mucengine.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The engine over a real SQL store, as a host runs it (issue 12): each stanza's changes applied
 * with {@link SqlRoomStore#apply}, then idle rooms unloaded. A persistent room that archives is
 * unloaded once its occupants leave only if its history, read back from the archive, is what it
 * holds: so what the store reads back (XML, instants) must equal what the engine wrote, or no room
 * that archives would ever unload. The room comes back, and after a restart too, with the same
 * history, stanza for stanza. Each store's test gives a new database to open (and open again).
 */
abstract class UnloadingContract {

    private static final String ROOM = "verona@muc.example.org";
    private static final String ROMEO = "romeo@montague.example/garden";
    private static final String JULIET = "juliet@capulet.example/balcony";
    private static final String NURSE = "nurse@capulet.example/kitchen";
    private static final String MODERATE = "urn:xmpp:message-moderate:1";
    private static final String RETRACT = "urn:xmpp:message-retract:1";
    private static final String XHTML_IM = "http://jabber.org/protocol/xhtml-im";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** As {@code Instant.now()} reads on Linux: to the microsecond, finer than the archive keeps. */
    private static final Instant T0 = Instant.parse("2026-03-01T09:30:00.123456Z");
    private static final Duration STEP = Duration.ofMillis(1500).plusNanos(250_000);

    private final ServiceConfig config = ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example.org"));
    private SqlRoomStore store;
    private MucService service;
    private Instant now = T0;

    /** A new, empty database: each call of the supplier opens a store on it. */
    protected abstract Supplier<SqlRoomStore> newDatabase();

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** Handles {@code s} as a host does: its changes stored, then its stanzas returned; time moves on. */
    private List<Stanza> send(Stanza s) {
        Effects effects = service.handle(s, now);
        store.apply(effects.changes());
        now = now.plus(STEP);
        return effects.stanzas();
    }

    private static Jid jid(String s) {
        return JidCreate.fromOrThrowUnchecked(s);
    }

    private static Presence join(String user, String nick) {
        return Presence.builder(PresenceType.AVAILABLE).from(jid(user)).to(jid(ROOM + "/" + nick))
                .child(Element.empty(MucNamespaces.MUC, "x")).build();
    }

    private static Presence leave(String user, String nick) {
        return Presence.builder(PresenceType.UNAVAILABLE).from(jid(user)).to(jid(ROOM + "/" + nick)).build();
    }

    private static Iq persistent() {
        Element form = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(field("FORM_TYPE", MucNamespaces.MUC_ROOMCONFIG))
                .child(field("muc#roomconfig_persistentroom", "1"))
                .child(field("muc#roomconfig_roomname", "Verona"))
                .build();
        return Iq.builder(IqType.SET).from(jid(ROMEO)).to(jid(ROOM)).id("config")
                .child(Element.builder(MucNamespaces.MUC_OWNER, "query").child(form).build()).build();
    }

    private static Element field(String var, String value) {
        return Element.builder(XmppNamespaces.DATA, "field").attribute("var", var)
                .textChild(XmppNamespaces.DATA, "value", value).build();
    }

    private static ElementBuilder message(String user, String id) {
        return Message.builder(MessageType.GROUPCHAT).from(jid(user)).to(jid(ROOM)).id(id).build().element()
                .toBuilder();
    }

    /** A message from a client as it may come: {@code xml:lang}, and any children. */
    private static Message groupchat(String user, String id, Element... children) {
        ElementBuilder m = message(user, id).attribute(XmlName.xmlLang(), "en");
        for (Element child : children) {
            m.child(child);
        }
        return parsed(m.build());
    }

    private static Message parsed(Element element) {
        if (Stanza.parse(element) instanceof StanzaResult.Valid valid && valid.stanza() instanceof Message m) {
            return m;
        }
        throw new IllegalArgumentException("not a message: " + element);
    }

    private static Element body(String text) {
        return Element.builder(Stanza.CLIENT_NAMESPACE, "body").text(text).build();
    }

    /** XHTML-IM with the whitespace of a pretty-printing client, a language and a style. */
    private static Element xhtml() {
        return Element.builder(XHTML_IM, "html").text("\n  ")
                .child(Element.builder(XHTML, "body").attribute(XmlName.xmlLang(), "en").text("\n    ")
                        .child(Element.builder(XHTML, "p").attribute("style", "color: #c00; font-weight: bold")
                                .text("Hi ").child(Element.builder(XHTML, "strong").text("there").build())
                                .text(" & <welcome>").build())
                        .text("\n  ").build())
                .text("\n").build();
    }

    /** An extension the room does not know, with an attribute in another namespace. */
    private static Element extension() {
        return Element.builder("urn:example:mood", "mood")
                .attribute(new XmlName("urn:example:flags", "flag"), "it's \"fine\"\t")
                .child(Element.empty("urn:example:mood", "happy")).build();
    }

    private static Iq moderate(String user, String stanzaId) {
        return Iq.builder(IqType.SET).from(jid(user)).to(jid(ROOM)).id("mod")
                .child(Element.builder(MODERATE, "moderate").attribute("id", stanzaId)
                        .child(Element.empty(RETRACT, "retract")).textChild(MODERATE, "reason", "spam").build())
                .build();
    }

    private static String stanzaId(List<Stanza> reflected) {
        return reflected.get(0).element().child(XmppNamespaces.STANZA_ID, "stanza-id")
                .flatMap(e -> e.attribute("id")).orElseThrow();
    }

    /** The discussion history among a joiner's stanzas: the messages with a delay (XEP-0203). */
    private static List<Message> history(List<Stanza> entered) {
        return entered.stream().filter(s -> s instanceof Message m && m.body().isPresent()
                && m.element().child(XmppNamespaces.DELAY, "delay").isPresent()).map(Message.class::cast).toList();
    }

    /**
     * Romeo creates the room, Juliet joins, they chat (a subject, text that needs escaping, emoji,
     * XHTML-IM, an unknown extension, a message a moderator retracts), and both leave.
     */
    private void conversation() {
        send(join(ROMEO, "romeo"));
        send(persistent());
        send(join(JULIET, "juliet"));
        send(parsed(message(ROMEO, "s1").child(Element.builder(Stanza.CLIENT_NAMESPACE, "subject")
                .text("Roses & <thorns> 🌹").build()).build()));
        send(groupchat(JULIET, "m1", body("Hello")));
        send(groupchat(ROMEO, "m2", body("  a < b && c > d, \"quoted\" 'single' 🌹👩‍👩‍👧 é\r\nsecond\tline  ")));
        send(groupchat(JULIET, "m3", body("Hi there & <welcome>"), xhtml()));
        String spam = stanzaId(send(groupchat(JULIET, "m4", body("buy cheap roses"), extension())));
        send(groupchat(ROMEO, "m5", body("who wrote that?"), extension()));
        assertThat(send(moderate(ROMEO, spam))).as("the retraction went out").isNotEmpty();
        send(groupchat(JULIET, "m6", body("Good night, good night! Parting is such sweet sorrow")));
        send(leave(JULIET, "juliet"));
        send(leave(ROMEO, "romeo"));
    }

    @Test
    void aRoomThatArchivedAConversationIsUnloadedAndGivesTheSameHistoryAfterwardsAndAfterARestart() {
        Supplier<SqlRoomStore> database = newDatabase();
        store = database.get();
        service = new MucService(config, store, IdSource.sequential("e"));
        conversation();

        List<Stanza> live = send(join(NURSE, "nurse"));
        send(leave(NURSE, "nurse"));
        assertThat(history(live)).extracting(m -> m.body().orElseThrow()).containsExactly("Hello",
                "  a < b && c > d, \"quoted\" 'single' 🌹👩‍👩‍👧 é\r\nsecond\tline  ", "Hi there & <welcome>",
                "who wrote that?", "Good night, good night! Parting is such sweet sorrow");
        assertThat(history(live).toString()).as("XHTML-IM and the unknown extension are kept")
                .contains("<strong>there</strong>").contains("xml:lang='en'").contains("<happy/>");
        assertThat(live.toString()).contains("Roses &amp; &lt;thorns&gt; 🌹");

        assertThat(service.unloadIdleRooms(room -> true)).as("its history comes back from the archive").isOne();
        assertThat(service.liveRoomCount()).isZero();
        List<Stanza> reloaded = send(join(NURSE, "nurse"));
        assertThat(service.liveRoomCount()).isOne();
        assertThat(reloaded).as("loaded again: the same stanzas as when it was live").isEqualTo(live);
        send(leave(NURSE, "nurse"));
        assertThat(service.unloadIdleRooms(room -> true)).as("and it unloads again").isOne();

        store.close();
        store = database.get();
        service = new MucService(config, store, IdSource.sequential("restarted"));
        assertThat(service.liveRoomCount()).isZero();
        List<Stanza> restarted = send(join(NURSE, "nurse"));
        assertThat(restarted).as("after a restart: the same stanzas again").isEqualTo(live);
        send(leave(NURSE, "nurse"));
        assertThat(service.unloadIdleRooms(room -> true)).isOne();
    }
}
