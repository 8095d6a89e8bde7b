package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Text;
import dev.mucengine.core.xml.XmlName;
import org.junit.jupiter.api.Test;

class XmlParserTest {

    private final XmlParser parser = new XmlParser();

    static Element parsed(ParseResult r) {
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).element();
    }

    @Test
    void parsesStanzaWithNamespacesAttributesAndText() {
        Element e = parsed(parser.parse("<?xml version='1.0'?>\n<message xmlns='jabber:client'"
                + " to='room@muc.example' type='groupchat' xml:lang='en'>"
                + "<body>a &lt; b &amp; &#x1F600;</body><x xmlns='urn:x' p:a='1' xmlns:p='urn:p'/>"
                + "</message>"));
        assertThat(e.name()).isEqualTo(new XmlName("jabber:client", "message"));
        assertThat(e.attribute("type")).contains("groupchat");
        assertThat(e.attribute(XmlName.xmlLang())).contains("en");
        assertThat(e.childText("jabber:client", "body")).contains("a < b & \uD83D\uDE00");
        Element x = e.child("urn:x", "x").orElseThrow();
        assertThat(x.attribute(new XmlName("urn:p", "a"))).contains("1");
    }

    @Test
    void standaloneElementWithoutXmlnsIsInNoNamespace() {
        assertThat(parsed(parser.parse("<presence/>")).namespace()).isEmpty();
    }

    @Test
    void fragmentInheritsTheGivenDefaultNamespace() {
        Element e = parsed(parser.parseFragment("<presence to='x'><x xmlns='urn:y'><i/></x>"
                + "<status>hi</status></presence>", "jabber:client"));
        assertThat(e.name()).isEqualTo(new XmlName("jabber:client", "presence"));
        assertThat(e.child("jabber:client", "status")).isPresent();
        assertThat(e.child("urn:y", "x").orElseThrow().child("urn:y", "i")).isPresent();
    }

    @Test
    void componentFragmentIsMappedToClientNamespace() {
        Element e = parsed(parser.parseFragment("<message><body>x</body></message>",
                "jabber:component:accept"));
        assertThat(e.name()).isEqualTo(new XmlName("jabber:client", "message"));
        assertThat(e.child("jabber:client", "body")).isPresent();
    }

    @Test
    void cdataAndWhitespaceTextArePreserved() {
        Element e = parsed(parser.parse("<a xmlns='u'> <b><![CDATA[<&>]]>x</b>\n</a>"));
        assertThat(e.children()).hasSize(3);
        assertThat(e.children().get(0)).isEqualTo(new Text(" "));
        assertThat(e.elements().get(0).text()).isEqualTo("<&>x");
        assertThat(e.children().get(2)).isEqualTo(new Text("\n"));
    }
}
