package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Discussion history on entry (XEP-0045 §7.2.13, §7.2.14), as the history module serves it. */
class HistoryOnEntryTest {

    private static final String ROOM = "garden@muc.example";
    private static final String ROMEO = "romeo@example.net/orchard";
    private static final String JULIET = "juliet@example.net/balcony";

    private ServiceFixture f;

    @BeforeEach
    void roomWithOneMessage() {
        f = new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                new InMemoryRoomStore());
        f.send(join(ROMEO, ROOM + "/romeo"));
        f.send(instantRoom(ROMEO, ROOM));
        f.send(groupchat(ROMEO, ROOM, "Wherefore art thou? \uD83C\uDF39 <&>"));
    }

    private List<Stanza> enterWithMaxChars(int maxChars) {
        return f.send(Presence.builder(PresenceType.AVAILABLE).from(jid(JULIET)).to(jid(ROOM + "/juliet"))
                .child(Element.builder(MucNamespaces.MUC, "x").child(Element.builder(MucNamespaces.MUC, "history")
                        .attribute("maxchars", Integer.toString(maxChars)).build()).build()).build());
    }

    private static List<Message> delayed(List<Stanza> out) {
        return out.stream().filter(s -> s instanceof Message m && m.payload(XmppNamespaces.DELAY, "delay").isPresent())
                .map(Message.class::cast).toList();
    }

    @Test
    void maxcharsCountsTheCharactersOfEachStanzaAsSent() {
        List<Message> all = delayed(enterWithMaxChars(100_000));
        assertThat(all).hasSize(1);
        String sent = XmlWriter.write(all.get(0).element(), "jabber:client");
        int characters = sent.codePointCount(0, sent.length());
        f.send(Presence.builder(PresenceType.UNAVAILABLE).from(jid(JULIET)).to(jid(ROOM + "/juliet")).build());

        assertThat(delayed(enterWithMaxChars(characters))).as("exactly the stanza's size").hasSize(1);
        f.send(Presence.builder(PresenceType.UNAVAILABLE).from(jid(JULIET)).to(jid(ROOM + "/juliet")).build());
        assertThat(delayed(enterWithMaxChars(characters - 1))).as("one character short").isEmpty();
    }
}
