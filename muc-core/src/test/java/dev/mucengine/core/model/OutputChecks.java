package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlWriter;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What holds of every stanza the engine sends, whatever it was sent: it is addressed (from the
 * service's domain, to a user who exists), it is well-formed XML once written (read back by the
 * JDK's own StAX parser, independent of the one muc-xml uses), and an error carries exactly one
 * RFC 6120 defined condition and a valid type.
 */
final class OutputChecks {

    private static final Set<String> ERROR_TYPES = Set.of("auth", "cancel", "continue", "modify", "wait");
    private static final XMLInputFactory STAX = XMLInputFactory.newFactory();

    static {
        STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        STAX.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private OutputChecks() {
    }

    static void check(List<Stanza> outputs) {
        for (Stanza s : outputs) {
            assertThat(s.from()).as("from of %s", s).isPresent();
            assertThat(s.from().get().getDomain()).as("from of %s", s).isEqualTo(World.SERVICE);
            assertThat(s.to()).as("to of %s", s).isPresent();
            assertThat(World.isAddressee(s.to().get())).as("to of %s is a user", s).isTrue();
            assertWellFormed(XmlWriter.write(s.element()));
            if (s.isError()) {
                assertCarriesCondition(s);
            }
        }
    }

    private static void assertCarriesCondition(Stanza s) {
        Element error = s.element().child(Stanza.CLIENT_NAMESPACE, "error").orElse(null);
        assertThat(error).as("the <error/> of %s", s).isNotNull();
        assertThat(error.attribute("type")).as("error type of %s", s).hasValueSatisfying(
                t -> assertThat(ERROR_TYPES).contains(t));
        List<Element> conditions = error.elements().stream()
                .filter(e -> e.namespace().equals(Condition.NAMESPACE) && !e.localName().equals("text")).toList();
        assertThat(conditions).as("conditions of %s", s).singleElement()
                .satisfies(c -> assertThat(Condition.fromWire(c.localName())).as("a defined condition").isPresent());
    }

    private static void assertWellFormed(String xml) {
        try {
            XMLStreamReader reader = STAX.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
    }
}
