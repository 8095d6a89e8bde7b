package dev.mucengine.testkit.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.testkit.script.ScansionNamespace;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ElementMatcherTest {

    private static final String CLIENT = "jabber:client";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final XmlName STRICT = new XmlName(ScansionNamespace.NAMESPACE, "strict");

    private static ElementBuilder client(String name) {
        return Element.builder(CLIENT, name);
    }

    private static ElementBuilder mucUser(String name) {
        return Element.builder(MUC_USER, name);
    }

    private static Element status(String code) {
        return mucUser("status").attribute("code", code).build();
    }

    private static Optional<Mismatch> match(Element expected, Element actual) {
        return ElementMatcher.INSTANCE.match(expected, actual);
    }

    @Nested
    class DefaultNamespaceIsLenient {

        @Test
        void extraAttributesAndChildrenAreIgnored() {
            Element expected = client("presence").attribute("from", "r@c/a").build();
            Element actual = client("presence").attribute("from", "r@c/a").attribute("to", "u@h/r")
                    .child(mucUser("x").build()).build();
            assertThat(match(expected, actual)).isEmpty();
        }

        @Test
        void aMissingOrDifferentExpectedAttributeFails() {
            Element expected = client("presence").attribute("from", "r@c/a").attribute("type", "error").build();
            assertThat(match(expected, client("presence").attribute("from", "r@c/a").build()))
                    .hasValueSatisfying(m -> assertThat(m.reason()).contains("missing attribute type"));
            assertThat(match(expected, client("presence").attribute("from", "r@c/b").attribute("type", "error")
                    .build())).hasValueSatisfying(m -> assertThat(m.reason()).contains("from is 'r@c/b'"));
        }

        @Test
        void childOrderIsIgnored() {
            Element expected = client("message").child(client("subject").build()).child(client("body").build())
                    .build();
            Element actual = client("message").child(client("body").build()).child(client("subject").build())
                    .build();
            assertThat(match(expected, actual)).isEmpty();
        }

        @Test
        void aMissingExpectedChildFails() {
            Element expected = client("message").child(client("subject").build()).build();
            assertThat(match(expected, client("message").child(client("body").build()).build()))
                    .hasValueSatisfying(m -> assertThat(m.reason()).contains("missing child <subject/>"));
        }

        @Test
        void eachExpectedChildNeedsItsOwnActualChild() {
            Element body = client("body").build();
            Element expected = client("message").child(body).child(body).build();
            assertThat(match(expected, client("message").child(body).build())).isPresent();
            assertThat(match(expected, client("message").child(body).child(body).build())).isEmpty();
        }

        @Test
        void distinctChildrenAreFoundEvenWhenTheGreedyChoiceIsWrong() {
            // The first expected <x/> fits both actual children; only one assignment works.
            Element loose = client("x").build();
            Element tight = client("x").attribute("a", "1").build();
            Element expected = client("message").child(loose).child(tight).build();
            Element actual = client("message").child(tight).child(client("x").attribute("b", "2").build()).build();
            assertThat(match(expected, actual)).isEmpty();
        }

        @Test
        void textIsComparedWhenExpected() {
            Element expected = client("body").text("Here I am!").build();
            assertThat(match(expected, client("body").text("Here I am!").build())).isEmpty();
            assertThat(match(expected, client("body").text("Here I am").build())).isPresent();
            assertThat(match(expected, client("body").build())).isPresent();
            assertThat(match(client("subject").build(), client("subject").text("Topic").build())).isEmpty();
        }

        @Test
        void textIsExactNotTrimmed() {
            assertThat(match(client("body").text("hi").build(), client("body").text(" hi ").build())).isPresent();
        }

        @Test
        void theElementNameMustMatch() {
            assertThat(match(client("message").build(), client("presence").build())).isPresent();
            assertThat(match(client("x").build(), mucUser("x").build())).isPresent();
        }
    }

    @Nested
    class OtherNamespacesAreStrict {

        @Test
        void identicalElementsMatch() {
            Element x = mucUser("x").child(mucUser("item").attribute("role", "none").build()).child(status("110"))
                    .build();
            assertThat(match(x, x)).isEmpty();
        }

        @Test
        void anExtraAttributeFails() {
            Element expected = mucUser("item").attribute("role", "none").build();
            Element actual = mucUser("item").attribute("role", "none").attribute("jid", "a@b/c").build();
            assertThat(match(expected, actual))
                    .hasValueSatisfying(m -> assertThat(m.reason()).contains("unexpected attribute jid"));
        }

        @Test
        void anExtraChildFails() {
            Element expected = mucUser("x").child(status("110")).build();
            Element actual = mucUser("x").child(status("110")).child(status("100")).build();
            assertThat(match(expected, actual))
                    .hasValueSatisfying(m -> assertThat(m.reason()).contains("unexpected child"));
        }

        @Test
        void childOrderMatters() {
            Element expected = mucUser("x").child(status("201")).child(status("110")).build();
            Element swapped = mucUser("x").child(status("110")).child(status("201")).build();
            assertThat(match(expected, swapped)).isPresent();
        }

        @Test
        void aMissingChildFails() {
            Element expected = mucUser("x").child(status("201")).child(status("110")).build();
            assertThat(match(expected, mucUser("x").child(status("201")).build()))
                    .hasValueSatisfying(m -> assertThat(m.reason()).contains("missing child"));
        }

        @Test
        void unexpectedTextFails() {
            Element expected = Element.builder("urn:x", "reason").build();
            assertThat(match(expected, Element.builder("urn:x", "reason").text("because").build())).isPresent();
        }

        @Test
        void strictnessAppliesInsideALenientStanza() {
            Element expected = client("presence").child(mucUser("x").child(status("110")).build()).build();
            Element actual = client("presence")
                    .child(mucUser("x").child(status("110")).child(status("201")).build()).build();
            assertThat(match(expected, actual)).isPresent();
        }
    }

    @Nested
    class ScansionStrictOverride {

        @Test
        void falseMakesANamespacedElementAndItsDescendantsLenient() {
            Element expected = mucUser("x").attribute(STRICT, "false")
                    .child(mucUser("item").attribute("affiliation", "owner").build()).child(status("110")).build();
            Element actual = mucUser("x")
                    .child(status("110"))
                    .child(mucUser("item").attribute("affiliation", "owner").attribute("jid", "a@b/c").build())
                    .child(status("201")).build();
            assertThat(match(expected, actual)).isEmpty();
        }

        @Test
        void falseStillRequiresWhatIsExpected() {
            Element expected = mucUser("x").attribute(STRICT, "false").child(status("110")).build();
            assertThat(match(expected, mucUser("x").child(status("201")).build())).isPresent();
        }

        @Test
        void trueMakesADefaultNamespaceElementStrict() {
            Element expected = client("message").attribute("from", "r@c").attribute(STRICT, "true")
                    .child(client("body").text("x").build()).build();
            Element extraAttribute = client("message").attribute("from", "r@c").attribute("id", "1")
                    .child(client("body").text("x").build()).build();
            Element same = client("message").attribute("from", "r@c").child(client("body").text("x").build()).build();
            assertThat(match(expected, extraAttribute)).isPresent();
            assertThat(match(expected, same)).isEmpty();
        }

        @Test
        void trueInheritsToDescendants() {
            Element expected = client("message").attribute(STRICT, "true")
                    .child(client("body").build()).build();
            Element actual = client("message").child(client("body").attribute("xml-ish", "1").build()).build();
            assertThat(match(expected, actual)).isPresent();
        }

        @Test
        void theOverrideAttributeItselfIsNotCompared() {
            Element expected = mucUser("x").attribute(STRICT, "true").child(status("110")).build();
            assertThat(match(expected, mucUser("x").child(status("110")).build())).isEmpty();
        }
    }

    @Nested
    class Wildcards {

        @Test
        void anyValueRequiresOnlyThePresenceOfTheAttribute() {
            Element expected = Element.builder("urn:xmpp:delay", "delay").attribute("stamp", ScansionNamespace.ANY)
                    .build();
            assertThat(match(expected, Element.builder("urn:xmpp:delay", "delay")
                    .attribute("stamp", "2026-01-01T00:00:00Z").build())).isEmpty();
            assertThat(match(expected, Element.builder("urn:xmpp:delay", "delay").build())).isPresent();
        }
    }

    @Nested
    class Whitespace {

        @Test
        void whitespaceOnlyTextBetweenElementsIsInsignificant() {
            Element expected = mucUser("x").text("\n\t\t").child(status("110")).text("\n\t").build();
            assertThat(match(expected, mucUser("x").child(status("110")).build())).isEmpty();
            assertThat(match(mucUser("x").child(status("110")).build(), expected)).isEmpty();
        }
    }

    @Test
    void theMismatchSaysWhere() {
        Element expected = client("presence").child(mucUser("x").child(status("110")).build()).build();
        Element actual = client("presence").child(mucUser("x").child(status("100")).build()).build();
        assertThat(match(expected, actual)).hasValueSatisfying(m -> {
            assertThat(m.path()).isEqualTo("/presence/x/status");
            assertThat(m.reason()).contains("code is '100', expected '110'");
        });
    }
}
