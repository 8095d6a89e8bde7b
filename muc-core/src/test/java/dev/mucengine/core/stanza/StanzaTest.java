package dev.mucengine.core.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.internal.config.Invalid;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class StanzaTest {

    private static Element element(String name, String... attrs) {
        ElementBuilder b = Element.builder(Stanza.CLIENT_NAMESPACE, name);
        for (int i = 0; i < attrs.length; i += 2) {
            b.attribute(attrs[i], attrs[i + 1]);
        }
        return b.child(Element.builder(Stanza.CLIENT_NAMESPACE, "body").text("hello").build()).build();
    }

    private static Stanza valid(Element e) {
        StanzaResult r = Stanza.parse(e);
        assertThat(r).isInstanceOf(StanzaResult.Valid.class);
        return ((StanzaResult.Valid) r).stanza();
    }

    @Test
    void parsesTypedViews() {
        Message m = (Message) valid(element("message", "from", "romeo@example.net/orchard",
                "to", "room@muc.example", "type", "groupchat", "id", "m1"));
        assertThat(m.type()).isEqualTo(MessageType.GROUPCHAT);
        assertThat(m.from()).contains(JidCreate.fromOrThrowUnchecked("romeo@example.net/orchard"));
        assertThat(m.id()).contains("m1");
        assertThat(m.body()).contains("hello");
    }

    @Test
    void anAuthenticatedSenderReplacesTheFromAndIsKeptAsItIs() {
        org.jxmpp.jid.Jid sender = JidCreate.fromOrThrowUnchecked("romeo@example.net/orchard");
        StanzaResult r = Stanza.parseFrom(element("message", "from", "juliet@example.com/balcony",
                "to", "room@muc.example", "type", "groupchat"), sender);
        assertThat(r).isInstanceOfSatisfying(StanzaResult.Valid.class, v -> {
            assertThat(v.stanza().from()).hasValueSatisfying(f -> assertThat((Object) f).isSameAs(sender));
            assertThat(v.stanza().element().attribute("from")).contains("romeo@example.net/orchard");
        });
        assertThat(Stanza.parseFrom(element("message", "to", "room@muc.example/"), sender))
                .isInstanceOf(StanzaResult.Invalid.class);
    }

    @Test
    void malformedAddressIsJidMalformedNotAnException() {
        StanzaResult r = Stanza.parse(element("message", "to", "room@muc.example/", "from", "a@b/c"));
        assertThat(r).isInstanceOfSatisfying(StanzaResult.Invalid.class,
                i -> assertThat(i.error().condition()).isEqualTo(Condition.JID_MALFORMED));
        StanzaResult empty = Stanza.parse(element("presence", "to", ""));
        assertThat(empty).isInstanceOfSatisfying(StanzaResult.Invalid.class,
                i -> assertThat(i.error().condition()).isEqualTo(Condition.JID_MALFORMED));
    }

    @Test
    void nonStanzaElementsAreInvalid() {
        assertThat(Stanza.parse(Element.empty(Stanza.CLIENT_NAMESPACE, "handshake")))
                .isInstanceOf(StanzaResult.Invalid.class);
        assertThat(Stanza.parse(Element.empty("urn:other", "message"))).isInstanceOf(StanzaResult.Invalid.class);
    }

    @Test
    void unknownTypesAreHandled() {
        assertThat(((Message) valid(element("message", "type", "shout"))).type()).isEqualTo(MessageType.NORMAL);
        assertThat(((Presence) valid(element("presence", "type", "bogus"))).type()).isEqualTo(PresenceType.UNKNOWN);
        assertThat(((Presence) valid(element("presence"))).type()).isEqualTo(PresenceType.AVAILABLE);
        assertThat(((Iq) valid(element("iq", "type", "query"))).type()).isEqualTo(IqType.UNKNOWN);
        assertThat(((Iq) valid(element("iq"))).type()).isEqualTo(IqType.UNKNOWN);
    }

    @Test
    void errorReplySwapsAddressesKeepsIdAndAppendsError() {
        Iq iq = (Iq) valid(element("iq", "from", "romeo@example.net/orchard", "to", "room@muc.example",
                "type", "get", "id", "q1"));
        Iq reply = iq.errorReply(StanzaError.of(Condition.FORBIDDEN).withText("no").withBy("room@muc.example"));
        Element e = reply.element();
        assertThat(e.attribute("from")).contains("room@muc.example");
        assertThat(e.attribute("to")).contains("romeo@example.net/orchard");
        assertThat(e.attribute("id")).contains("q1");
        assertThat(e.attribute("type")).contains("error");
        assertThat(reply.isError()).isTrue();
        StanzaError parsed = reply.error().orElseThrow();
        assertThat(parsed.condition()).isEqualTo(Condition.FORBIDDEN);
        assertThat(parsed.type()).isEqualTo(ErrorType.AUTH);
        assertThat(parsed.text()).contains("no");
        assertThat(parsed.by()).contains("room@muc.example");
        assertThat(e.child(Stanza.CLIENT_NAMESPACE, "body")).as("original payload kept").isPresent();
    }

    @Test
    void errorReplyOfAnErrorReplacesTheErrorElement() {
        Message m = (Message) valid(element("message", "from", "a@b/c", "to", "d@e"));
        Message twice = m.errorReply(StanzaError.of(Condition.BAD_REQUEST)).errorReply(StanzaError.of(Condition.CONFLICT));
        assertThat(twice.element().children(Stanza.CLIENT_NAMESPACE, "error")).hasSize(1);
        assertThat(twice.error().orElseThrow().condition()).isEqualTo(Condition.CONFLICT);
    }

    @Test
    void iqResultReply() {
        Iq iq = (Iq) valid(element("iq", "from", "a@b/c", "to", "muc.example", "type", "set", "id", "s1"));
        Iq result = iq.resultReply(Element.empty("urn:x", "q"));
        assertThat(result.type()).isEqualTo(IqType.RESULT);
        assertThat(result.to()).isEqualTo(iq.from());
        assertThat(result.from()).isEqualTo(iq.to());
        assertThat(result.id()).contains("s1");
        assertThat(result.query()).contains(Element.empty("urn:x", "q"));
    }

    @Test
    void readdressingSharesThePayload() {
        Message m = (Message) valid(element("message", "from", "a@b/c", "to", "room@muc.example"));
        Message copy = m.withAddresses(JidCreate.fromOrThrowUnchecked("room@muc.example/a"),
                JidCreate.fromOrThrowUnchecked("x@y/z"));
        assertThat(copy.element().children()).isSameAs(m.element().children());
        assertThat(copy.to()).contains(JidCreate.fromOrThrowUnchecked("x@y/z"));
        assertThat(copy.element().attribute("to")).contains("x@y/z");
    }

    @Test
    void builtStanzasCarryTypedAddresses() {
        Presence p = Presence.builder(PresenceType.UNAVAILABLE)
                .from(JidCreate.fromOrThrowUnchecked("room@muc.example/nick"))
                .to(JidCreate.fromOrThrowUnchecked("u@example.com/r")).build();
        assertThat(p.type()).isEqualTo(PresenceType.UNAVAILABLE);
        assertThat(p.element().attribute("type")).contains("unavailable");
        assertThat(Presence.builder(PresenceType.AVAILABLE).build().element().attribute("type")).isEmpty();
    }

    @Test
    void sloppyPeerErrorsAreStillUnderstood() {
        Element error = Element.builder(Stanza.CLIENT_NAMESPACE, "error").attribute("type", "weird")
                .child(Element.empty(Condition.NAMESPACE, "no-such-condition")).build();
        StanzaError parsed = StanzaError.fromElement(error);
        assertThat(parsed.condition()).isEqualTo(Condition.UNDEFINED_CONDITION);
        assertThat(parsed.type()).isEqualTo(ErrorType.CANCEL);
    }

    @Test
    void errorElementRoundTrips() {
        StanzaError e = StanzaError.of(Condition.GONE).withConditionText("xmpp:other@muc.example")
                .withText("moved").withApplicationCondition(Element.empty("urn:app", "oops"));
        assertThat(StanzaError.fromElement(e.toElement(Stanza.CLIENT_NAMESPACE))).isEqualTo(e);
    }
}
