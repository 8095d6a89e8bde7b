package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The push reader as a selector thread uses it: bytes as they arrive, events taken one at a time. */
class XmppPushReaderTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='muc.example' version='1.0'>";
    private static final String SESSION = HEADER
            + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHNlY3JldA==</auth>"
            + HEADER // a restart, pipelined right after the element that triggers it
            + "<message to='room@muc.example' type='groupchat'><body>caf\u00e9 &amp; <![CDATA[<x>]]></body></message>"
            + " <iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq></stream:stream>";

    @Test
    void bytesFedOneAtATimeGiveTheEventsTheBlockingReaderGives() throws IOException {
        byte[] wire = SESSION.getBytes(StandardCharsets.UTF_8);
        XmppStreamReader blocking = new XmppStreamReader(new ByteArrayInputStream(wire));
        List<StreamEvent> expected = new ArrayList<>();
        StreamEvent e;
        do {
            e = blocking.next();
            expected.add(e);
        } while (!(e instanceof StreamEvent.StreamClosed) && !(e instanceof StreamEvent.StreamFailed));

        XmppPushReader push = new XmppPushReader();
        List<StreamEvent> events = new ArrayList<>();
        for (byte b : wire) {
            push.next(ByteBuffer.wrap(new byte[] {b})).ifPresent(events::add);
        }
        assertThat(events).isEqualTo(expected).hasSize(6);
        assertThat(push.ended()).isTrue();
    }

    @Test
    void consumesOnlyUpToTheEndOfTheEventItReturns() {
        ByteBuffer input = ByteBuffer.wrap((HEADER + "<presence/><presence type='unavailable'/>")
                .getBytes(StandardCharsets.UTF_8));
        XmppPushReader push = new XmppPushReader();
        assertThat(push.next(input)).get().isInstanceOf(StreamEvent.StreamOpened.class);
        assertThat(push.next(input)).get().isInstanceOf(StreamEvent.ElementReceived.class);
        // a busy consumer leaves the rest where it is: the second presence is still unread
        assertThat(new String(input.array(), input.position(), input.remaining(), StandardCharsets.UTF_8))
                .isEqualTo("<presence type='unavailable'/>");
        assertThat(push.next(input)).get().isInstanceOf(StreamEvent.ElementReceived.class);
        assertThat(push.next(input)).isEmpty();
        assertThat(push.ended()).isFalse();
    }

    @Test
    void anElementCutShortByTheEndOfInputEndsTheStreamWithoutAnElement() {
        XmppPushReader push = new XmppPushReader();
        ByteBuffer input = ByteBuffer.wrap((HEADER + "<message><body>half").getBytes(StandardCharsets.UTF_8));
        assertThat(push.next(input)).get().isInstanceOf(StreamEvent.StreamOpened.class);
        assertThat(push.next(input)).isEmpty();
        assertThat(push.end()).isEqualTo(new StreamEvent.InputEnded());
    }

    @Test
    void anErrorIsTerminalAndConsumesNothingMore() {
        XmppPushReader push = new XmppPushReader(new XmlLimits(200, 8, 32, 1024, 1024));
        ByteBuffer input = ByteBuffer.wrap((HEADER + "<message><body>" + "x".repeat(300) + "</body></message><presence/>")
                .getBytes(StandardCharsets.UTF_8));
        push.next(input);
        Optional<StreamEvent> failed = push.next(input);
        assertThat(failed).get().isInstanceOfSatisfying(StreamEvent.StreamFailed.class,
                f -> assertThat(f.error().condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
        int left = input.remaining();
        assertThat(push.next(input)).isEqualTo(failed);
        assertThat(input.remaining()).isEqualTo(left);
        assertThat(push.end()).isEqualTo(failed.get());
    }
}
