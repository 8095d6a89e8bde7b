package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A template's spliced bytes are exactly the serializer's for every copy: seeded random elements
 * with {@code to} absent, first, last or in between, namespaced look-alikes of {@code to},
 * values and texts that need escaping, namespaces and nested children, in every kind of stream.
 */
class StanzaTemplateTest {

    private static final String[] STREAMS = {"", Stanza.CLIENT_NAMESPACE, "jabber:component:accept"};
    private static final String[] NAMESPACES = {
        Stanza.CLIENT_NAMESPACE, Stanza.CLIENT_NAMESPACE, "urn:a", "urn:b:with'quote",
        "http://jabber.org/protocol/muc#user", "", "http://etherx.jabber.org/streams"};
    private static final XmlName[] ATTRIBUTES = {
        XmlName.local("to"), XmlName.local("from"), XmlName.local("id"), XmlName.local("type"),
        XmlName.xmlLang(), new XmlName("urn:attr:1", "to"), new XmlName("urn:attr:2", "a"),
        XmlName.local("xto"), XmlName.local("t")};
    private static final String[] PIECES = {
        "<", "&", ">", "\"", "'", " to='", "to=", "\t", "\n", "\r\n", " ", "\uD83D\uDE00", "\uD800",
        "\u0001", "é", "中文", "]]>", "&amp;", "room@muc.example/nick", "\uFFFE", "/"};

    private final XmlSerializer serializer = new XmlSerializer();

    @Test
    void splicedBytesAreTheSerializersForEveryRecipient() {
        Random random = new Random(12);
        for (int i = 0; i < 3_000; i++) {
            Element stanza = element(random, 0);
            String stream = STREAMS[random.nextInt(STREAMS.length)];
            StanzaTemplate template = StanzaTemplate.of(stanza, stream);
            for (int r = 0; r < 4; r++) {
                String to = r == 0 ? plainJid(random) : text(random);
                Element copy = stanza.withAttribute("to", to);
                byte[] expected = serializer.toBytesInStream(copy, stream);
                assertThat(template.addressedTo(to).toByteArray())
                        .as("%s to '%s' in '%s'", stanza, to, stream).isEqualTo(expected);
                assertThat(template.differsOnlyInTo(copy)).isTrue();
            }
        }
    }

    @Test
    void theEnginesCopiesAreRecognizedAndSpliced() {
        Message reflected = Message.builder(MessageType.GROUPCHAT)
                .from(JidCreate.fromOrThrowUnchecked("room@muc.example/juliet"))
                .to(JidCreate.fromOrThrowUnchecked("juliet@example.com/balcony")).id("m1")
                .textChild("body", "Wherefore art thou, <Romeo> & 'Tybalt'?")
                .child(Element.builder("urn:xmpp:sid:0", "stanza-id").attribute("id", "s1")
                        .attribute("by", "room@muc.example").build())
                .build();
        StanzaTemplate template = StanzaTemplate.of(reflected.element(), Stanza.CLIENT_NAMESPACE);
        for (String recipient : new String[] {"romeo@example.com/orchard", "nurse@example.com/x'y", "a@b"}) {
            Message copy = reflected.withTo(JidCreate.fromOrThrowUnchecked(recipient));
            assertThat(template.differsOnlyInTo(copy.element())).isTrue();
            assertThat(template.addressedTo(copy.element().attribute("to").orElseThrow()).toByteArray())
                    .isEqualTo(serializer.toBytesInStream(copy.element(), Stanza.CLIENT_NAMESPACE));
        }
    }

    @Test
    void aCopyThatDiffersInAnythingButToIsNotRecognized() {
        Element stanza = Element.builder(Stanza.CLIENT_NAMESPACE, "message").attribute("from", "r@m/a")
                .attribute("to", "u@h/r").attribute("id", "1").textChild(Stanza.CLIENT_NAMESPACE, "body", "hi").build();
        StanzaTemplate template = StanzaTemplate.of(stanza, Stanza.CLIENT_NAMESPACE);

        assertThat(template.differsOnlyInTo(stanza.withAttribute("id", "2"))).isFalse();
        assertThat(template.differsOnlyInTo(stanza.withAttribute("type", "chat"))).isFalse();
        assertThat(template.differsOnlyInTo(stanza.withoutAttribute("to"))).isFalse();
        assertThat(template.differsOnlyInTo(stanza.withChildren(stanza.children()))).as("payload built anew")
                .isFalse();
        assertThat(template.differsOnlyInTo(Element.builder(Stanza.CLIENT_NAMESPACE, "presence")
                .attribute("from", "r@m/a").attribute("to", "u@h/r").attribute("id", "1").build())).isFalse();
        // to moved to the end: another serialization, so not this template's copy
        assertThat(template.differsOnlyInTo(stanza.withoutAttribute("to").withAttribute("to", "x@h"))).isFalse();
    }

    @Test
    void aStanzaWithoutToGetsItAppendedLikeWithAttribute() {
        Element stanza = Element.builder(Stanza.CLIENT_NAMESPACE, "presence").attribute("from", "r@m/a")
                .child(Element.empty("urn:a", "x")).build();
        StanzaTemplate template = StanzaTemplate.of(stanza, Stanza.CLIENT_NAMESPACE);
        assertThat(new String(template.addressedTo("u@h/r&s").toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("<presence from='r@m/a' to='u@h/r&amp;s'><x xmlns='urn:a'/></presence>");
        assertThat(template.differsOnlyInTo(stanza)).as("a copy must have a to").isFalse();
    }

    @Test
    void segmentsAndWriteToGiveTheSameBytesAndShareNothingWritable() throws IOException {
        Element stanza = Element.builder(Stanza.CLIENT_NAMESPACE, "message").attribute("to", "a@b")
                .textChild(Stanza.CLIENT_NAMESPACE, "body", "é").build();
        SplicedBytes bytes = StanzaTemplate.of(stanza, Stanza.CLIENT_NAMESPACE).addressedTo("c@d");
        byte[] expected = serializer.toBytesInStream(stanza.withAttribute("to", "c@d"), Stanza.CLIENT_NAMESPACE);

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        bytes.writeTo(written);
        ByteArrayOutputStream gathered = new ByteArrayOutputStream();
        for (ByteBuffer segment : bytes.segments()) {
            assertThat(segment.isReadOnly()).isTrue();
            byte[] part = new byte[segment.remaining()];
            segment.get(part);
            gathered.writeBytes(part);
        }
        assertThat(written.toByteArray()).isEqualTo(expected);
        assertThat(gathered.toByteArray()).isEqualTo(expected);
        assertThat(bytes.length()).isEqualTo(expected.length);
    }

    private static Element element(Random random, int depth) {
        ElementBuilder b = Element.builder(NAMESPACES[random.nextInt(NAMESPACES.length)], "e" + random.nextInt(4));
        int attributes = random.nextInt(5);
        for (int i = 0; i < attributes; i++) {
            b.attribute(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)], text(random));
        }
        int children = depth >= 4 ? 0 : random.nextInt(4);
        for (int i = 0; i < children; i++) {
            if (random.nextBoolean()) {
                b.text(text(random));
            } else {
                b.child(element(random, depth + 1));
            }
        }
        return b.build();
    }

    /** Printable ASCII as JIDs usually are, none of it escaped. */
    private static String plainJid(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            char c = (char) (0x20 + random.nextInt(0x5F));
            sb.append(c == '\'' || c == '"' || c == '<' || c == '>' || c == '&' ? '.' : c);
        }
        return sb.toString();
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
