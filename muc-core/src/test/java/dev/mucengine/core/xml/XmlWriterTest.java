package dev.mucengine.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Stanza;
import org.junit.jupiter.api.Test;

class XmlWriterTest {

    private static final Element MESSAGE = Element.builder(Stanza.CLIENT_NAMESPACE, "message")
            .attribute("to", "juliet@example.com/balcony")
            .child(Element.builder(Stanza.CLIENT_NAMESPACE, "body").text("Wherefore art thou? \uD83C\uDF39").build())
            .build();

    @Test
    void aStanzaOnAClientStreamNeedsNoNamespaceDeclaration() {
        assertThat(XmlWriter.write(MESSAGE, Stanza.CLIENT_NAMESPACE))
                .isEqualTo("<message to='juliet@example.com/balcony'><body>Wherefore art thou? \uD83C\uDF39</body></message>");
        assertThat(XmlWriter.write(MESSAGE)).startsWith("<message xmlns='jabber:client' ");
    }

    @Test
    void lengthCountsCharactersAsSentNotUtf16Units() {
        String sent = XmlWriter.write(MESSAGE, Stanza.CLIENT_NAMESPACE);
        assertThat(XmlWriter.length(MESSAGE)).isEqualTo(sent.length() - 1); // the rose is one character, two units
    }
}
