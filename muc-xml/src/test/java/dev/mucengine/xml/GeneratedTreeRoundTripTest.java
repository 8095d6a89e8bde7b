package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Deterministic random trees with awkward content: serialize then parse must be identity. */
class GeneratedTreeRoundTripTest {

    private static final String[] NAMESPACES = {
        "jabber:client", "urn:a", "urn:b:with'quote", "http://jabber.org/protocol/muc#user",
        "", "http://etherx.jabber.org/streams"};
    private static final String[] ATTRIBUTE_NAMESPACES = {
        "", "", "", XmlName.XML_NAMESPACE, "urn:attr:1", "urn:attr:2"};
    private static final String[] PIECES = {
        "<", "&", ">", "\"", "'", "\t", "\n", "\r\n", " ", "  ", "\uD83D\uDE00", "\uD800\uDC00",
        "\uDBFF\uDFFF", "é", "中文", "]]>", "&amp;", "plain", "\u00A0", "\uFFFD", "\u2028"};

    private final XmlParser parser = new XmlParser();
    private final XmlSerializer serializer = new XmlSerializer();

    @Test
    void serializeThenParseIsIdentity() {
        Random random = new Random(45);
        for (int i = 0; i < 500; i++) {
            Element tree = element(random, 0);
            String xml = serializer.toXml(tree);
            ParseResult r = parser.parse(xml);
            assertThat(r).as(xml).isEqualTo(new ParseResult.Parsed(tree));
            // Bytes path too.
            assertThat(parser.parse(serializer.toBytes(tree))).isEqualTo(r);
        }
    }

    @Test
    void whitespaceOnlyTextSurvives() {
        Element tree = Element.builder("urn:a", "a").text(" \t\r\n ")
                .child(Element.empty("urn:a", "b")).text("\n").build();
        assertThat(parser.parse(serializer.toXml(tree))).isEqualTo(new ParseResult.Parsed(tree));
    }

    private static Element element(Random random, int depth) {
        String ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
        ElementBuilder b = Element.builder(ns, "e" + random.nextInt(4));
        int attributes = random.nextInt(4);
        for (int i = 0; i < attributes; i++) {
            String ans = ATTRIBUTE_NAMESPACES[random.nextInt(ATTRIBUTE_NAMESPACES.length)];
            b.attribute(new XmlName(ans, ans.equals(XmlName.XML_NAMESPACE) ? "lang" : "a" + i),
                    text(random));
        }
        int children = depth >= 5 ? 0 : random.nextInt(5);
        for (int i = 0; i < children; i++) {
            if (random.nextBoolean()) {
                b.text(text(random));
            } else {
                b.child(element(random, depth + 1));
            }
        }
        return b.build();
    }

    private static String text(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
