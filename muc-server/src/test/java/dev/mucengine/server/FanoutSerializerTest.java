package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.SplicedBytes;
import dev.mucengine.xml.XmlSerializer;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Interleaved fan-outs and single stanzas: every one comes out as the serializer writes it. */
class FanoutSerializerTest {

    private static final String COMPONENT = "jabber:component:accept";
    private final XmlSerializer serializer = new XmlSerializer();
    private final FanoutSerializer fanout = new FanoutSerializer(COMPONENT);

    private static Message message(String body) {
        return Message.builder(MessageType.GROUPCHAT).from(JidCreate.fromOrThrowUnchecked("room@muc.example/a"))
                .to(JidCreate.fromOrThrowUnchecked("room@muc.example")).id(body).textChild("body", body).build();
    }

    @Test
    void eachStanzaIsTheSerializersWhateverCameBefore() {
        Message first = message("first");
        Message second = message("second");
        Stanza[] sequence = {
            first.withTo(JidCreate.fromOrThrowUnchecked("a@example.com/1")),
            first.withTo(JidCreate.fromOrThrowUnchecked("b@example.com/2")),
            second.withTo(JidCreate.fromOrThrowUnchecked("a@example.com/1")), // another fan-out
            first.withTo(JidCreate.fromOrThrowUnchecked("c@example.com/3")), // back to the first
            second.withTo(JidCreate.fromOrThrowUnchecked("b@example.com/2")),
            second.withTo(JidCreate.fromOrThrowUnchecked("b@example.com/2")).withId("changed"),
        };
        for (Stanza s : sequence) {
            SplicedBytes bytes = fanout.serialize(s.element()).orElseThrow();
            assertThat(bytes.toByteArray()).as(s.toString())
                    .isEqualTo(serializer.toBytesInStream(s.element(), COMPONENT));
        }
    }

    @Test
    void aStanzaWithoutToIsLeftToTheWriter() {
        Element noTo = message("x").element().withoutAttribute("to");
        assertThat(fanout.serialize(noTo)).isEmpty();
    }

    @Test
    void aStanzaThatCannotBeSerializedIsLeftToTheWriterAndTheNextOneIsServed() {
        Element bad = message("x").element().withAttribute("not a name", "v");
        Stanza good = message("y").withTo(JidCreate.fromOrThrowUnchecked("a@example.com/1"));

        assertThat(fanout.serialize(bad)).isEmpty();
        assertThat(fanout.serialize(good.element()).orElseThrow().toByteArray())
                .isEqualTo(serializer.toBytesInStream(good.element(), COMPONENT));
    }
}
