package dev.mucengine.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElementTest {

    private static Element sample() {
        return Element.builder("jabber:client", "message")
                .attribute("to", "room@muc.example")
                .attribute(XmlName.xmlLang(), "en")
                .child(Element.builder("jabber:client", "body").text("hi ").text("there").build())
                .child(Element.empty("urn:x", "marker"))
                .build();
    }

    @Test
    void equalityIsStructuralAndHashConsistent() {
        assertThat(sample()).isEqualTo(sample()).hasSameHashCodeAs(sample());
        assertThat(sample().withAttribute("to", "other@muc.example")).isNotEqualTo(sample());
    }

    @Test
    void attributeOrderMatters() {
        Element ab = Element.builder("", "e").attribute("a", "1").attribute("b", "2").build();
        Element ba = Element.builder("", "e").attribute("b", "2").attribute("a", "1").build();
        assertThat(ab).isNotEqualTo(ba);
        assertThat(ab.attributes()).extracting(a -> a.name().localName()).containsExactly("a", "b");
    }

    @Test
    void adjacentTextRunsAreMerged() {
        Element body = sample().child("jabber:client", "body").orElseThrow();
        assertThat(body.children()).containsExactly(new Text("hi there"));
        assertThat(body.text()).isEqualTo("hi there");
    }

    @Test
    void namespacedAttributesAreDistinctFromPlainOnes() {
        assertThat(sample().attribute(XmlName.xmlLang())).contains("en");
        assertThat(sample().attribute("lang")).isEmpty();
    }

    @Test
    void readdressingSharesTheChildList() {
        Element original = sample();
        Element copy = original.withAttribute("to", "juliet@example.com/balcony");
        assertThat(copy.children()).isSameAs(original.children());
        assertThat(copy.attribute("to")).contains("juliet@example.com/balcony");
        assertThat(original.attribute("to")).contains("room@muc.example");
    }

    @Test
    void replacingAnAttributeKeepsItsPosition() {
        Element e = sample().withAttribute("to", "x@y");
        assertThat(e.attributes().get(0).name().localName()).isEqualTo("to");
        assertThat(e.withoutAttribute("to").attribute("to")).isEmpty();
        assertThat(e.withoutAttribute("absent")).isSameAs(e);
    }

    @Test
    void childLookupUsesQualifiedNames() {
        Element e = sample();
        assertThat(e.child("urn:x", "marker")).isPresent();
        assertThat(e.child("jabber:client", "marker")).isEmpty();
        assertThat(e.children("jabber:client", "body")).hasSize(1);
        assertThat(e.elements()).hasSize(2);
    }

    @Test
    void valuesAreImmutable() {
        Element e = sample();
        assertThatThrownBy(() -> e.children().add(new Text("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderSnapshotsAreIndependent() {
        ElementBuilder b = Element.builder("", "e").text("one");
        Element first = b.build();
        b.text("two");
        assertThat(first.text()).isEqualTo("one");
        assertThat(b.build().text()).isEqualTo("onetwo");
    }

    @Test
    void toStringIsTheXmlWritersOutput() {
        Element e = Element.builder("jabber:client", "body").text("<&>\"'").build();
        assertThat(e.toString()).isEqualTo("<body xmlns='jabber:client'>&lt;&amp;&gt;\"'</body>")
                .isEqualTo(XmlWriter.write(e));
        assertThat(sample().toString()).contains("<body>hi there</body>").contains("<marker xmlns='urn:x'/>");
    }

    @Test
    void emptyLocalNameIsRejected() {
        assertThatThrownBy(() -> new XmlName("", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withChildrenReplacesOnlyChildren() {
        Element e = sample().withChildren(List.of(new Text("x")));
        assertThat(e.attributes()).isEqualTo(sample().attributes());
        assertThat(e.text()).isEqualTo("x");
    }

    @Test
    void childrenStayNormalizedAsXmlWouldReadThemBack() {
        // Removing an element between two runs of whitespace leaves two texts side by side; a
        // store writes them as one, and reads one back: the model must agree.
        Element x = Element.empty("urn:x", "x");
        Element stripped = Element.builder("jabber:client", "message").text("\n  ").child(x).text("\n").build()
                .withChildren(List.of(new Text("\n  "), new Text(""), new Text("\n")));
        assertThat(stripped.children()).containsExactly(new Text("\n  \n"));

        Element built = Element.builder("jabber:client", "body").child(new Text("a")).child(new Text(""))
                .child(new Text("b")).child(x).child(new Text("c")).build();
        assertThat(built.children()).containsExactly(new Text("ab"), x, new Text("c"));
    }
}
