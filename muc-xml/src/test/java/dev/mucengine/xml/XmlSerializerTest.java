package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlSerializerTest {

    private final XmlSerializer serializer = new XmlSerializer();

    private static Element presence() {
        return Element.builder("jabber:client", "presence")
                .attribute("to", "room@muc.example/nick")
                .child(Element.builder("http://jabber.org/protocol/muc", "x")
                        .textChild("http://jabber.org/protocol/muc", "password", "secret")
                        .build())
                .textChild("jabber:client", "status", "here")
                .build();
    }

    @Test
    void standaloneDeclaresRootNamespaceAndOnlyChangedChildNamespaces() {
        assertThat(serializer.toXml(presence())).isEqualTo(
                "<presence xmlns='jabber:client' to='room@muc.example/nick'>"
                        + "<x xmlns='http://jabber.org/protocol/muc'><password>secret</password></x>"
                        + "<status>here</status></presence>");
    }

    @Test
    void inStreamClientElementsInheritTheStreamNamespace() {
        String xml = serializer.toXmlInStream(presence(), "jabber:component:accept");
        assertThat(xml).startsWith("<presence to=").contains("<status>here</status>");
    }

    @Test
    void escapesTextAndAttributes() {
        Element e = Element.builder("u", "a").attribute("v", "<&>\"'\t\n\r")
                .text("<&>\"'\r").build();
        assertThat(serializer.toXml(e)).isEqualTo("<a xmlns='u' v='&lt;&amp;&gt;&quot;&apos;"
                + "&#x9;&#xA;&#xD;'>&lt;&amp;&gt;\"'&#xD;</a>");
    }

    @Test
    void replacesCharactersNotAllowedInXml() {
        Element e = Element.builder("u", "a").text("a\u0000b\uD800c").build();
        assertThat(serializer.toXml(e)).isEqualTo("<a xmlns='u'>a\uFFFDb\uFFFDc</a>");
    }

    @Test
    void namespacedAttributesGetPrefixesAndXmlLangIsXmlLang() {
        Element e = Element.builder("u", "a")
                .attribute(XmlName.xmlLang(), "de")
                .attribute(new XmlName("urn:p", "k"), "1")
                .build();
        assertThat(serializer.toXml(e))
                .isEqualTo("<a xmlns='u' xml:lang='de' xmlns:ns0='urn:p' ns0:k='1'/>");
    }

    @Test
    void rejectsNamesThatWouldInjectMarkup() {
        Element e = Element.empty("u", "a><b");
        assertThatThrownBy(() -> serializer.toXml(e)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writerAndBytesMatchString() throws Exception {
        Element e = Element.builder("u", "a").text("\uD83D\uDE00 é").build();
        StringWriter w = new StringWriter();
        serializer.write(e, w);
        assertThat(w.toString()).isEqualTo(serializer.toXml(e));
        assertThat(serializer.toBytes(e))
                .isEqualTo(serializer.toXml(e).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void streamHeaderAndClose() {
        StreamHeader h = StreamHeader.of("jabber:client",
                List.of(new Attribute(XmlName.local("to"), "example.com")))
                .withAttribute("version", "1.0");
        assertThat(serializer.openStream(h)).isEqualTo("<?xml version='1.0'?><stream:stream"
                + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='example.com' version='1.0'>");
        assertThat(serializer.closeStream()).isEqualTo("</stream:stream>");
    }

    @Test
    void streamErrorUsesStreamPrefixInStream() {
        String xml = serializer.toXmlInStream(
                StreamError.of(StreamErrorCondition.NOT_WELL_FORMED).toElement(), "jabber:client");
        assertThat(xml).isEqualTo("<stream:error><not-well-formed"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
    }
}
