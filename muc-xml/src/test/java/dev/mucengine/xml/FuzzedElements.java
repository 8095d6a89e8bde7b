package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import dev.mucengine.core.xml.Text;

/**
 * What must hold of every element a parser lets through, whatever the input: the limits were
 * enforced (so memory per element is bounded), and the element can be written out and read back
 * as itself (so whatever we relay or store is well-formed XML).
 */
final class FuzzedElements {

    /** Limits small enough that a fuzzer's short inputs reach every limit check. */
    static final XmlLimits SMALL = new XmlLimits(2_048, 6, 6, 512, 128);

    private static final XmlParser DEFAULT_PARSER = new XmlParser();
    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private FuzzedElements() {
    }

    static void assertWithinLimits(Element element, XmlLimits limits) {
        assertWithinLimits(element, limits, 1);
    }

    private static void assertWithinLimits(Element element, XmlLimits limits, int depth) {
        assertThat(depth).as("depth of <%s>", element.localName()).isLessThanOrEqualTo(limits.maxDepth());
        assertThat(element.attributes()).as("attributes of <%s>", element.localName())
                .hasSizeLessThanOrEqualTo(limits.maxAttributes());
        for (Attribute a : element.attributes()) {
            assertThat(a.value().length()).as("attribute %s", a.name())
                    .isLessThanOrEqualTo(limits.maxAttributeLength());
        }
        int text = 0;
        for (Node child : element.children()) {
            if (child instanceof Element e) {
                assertWithinLimits(e, limits, depth + 1);
            } else {
                text += ((Text) child).value().length();
            }
        }
        assertThat(text).as("text of <%s>", element.localName()).isLessThanOrEqualTo(limits.maxTextLength());
    }

    /** Written out and parsed again (with the default limits: escaping may lengthen it), it is itself. */
    static void assertRoundTrips(Element element) {
        String xml = SERIALIZER.toXml(element);
        assertThat(DEFAULT_PARSER.parse(xml)).as(xml).isEqualTo(new ParseResult.Parsed(element));
    }
}
