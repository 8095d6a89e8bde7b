package dev.mucengine.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanzaFramerTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='localhost' version='1.0'>";

    /** Records what the framer hands over, as text. */
    private static final class Recorder implements StanzaFramer.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void streamOpened() {
            events.add("open");
        }

        @Override
        public void element(byte[] bytes, int from, int to) {
            events.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        }

        @Override
        public void streamClosed() {
            events.add("close");
        }
    }

    private static List<String> frame(String stream, int chunk) {
        StanzaFramer framer = new StanzaFramer();
        Recorder sink = new Recorder();
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += chunk) {
            framer.feed(bytes, at, Math.min(bytes.length, at + chunk), sink);
        }
        return sink.events;
    }

    @Test
    void cutsTopLevelElementsWhereverTheReadsEnd() {
        String features = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>";
        String message = "<message from='r@conference.localhost/n1' type='groupchat'><body>L 0 7 123</body>"
                + "<x xmlns='x'><x/></x></message>";
        String presence = "<presence from='r@conference.localhost/n2'/>";
        String stream = HEADER + features + "\n " + message + presence + "</stream:stream>";
        for (int chunk : new int[] {1, 2, 7, 64, stream.length()}) {
            assertThat(frame(stream, chunk)).as("reads of %d bytes", chunk)
                    .containsExactly("open", features, message, presence, "close");
        }
    }

    @Test
    void slashesAndAngleBracketsInAttributeValuesDoNotEndATag() {
        String presence = "<presence from='room@conference.localhost/a/>b' id=\"x>y\"><status>hi</status></presence>";
        String empty = "<iq id='q/>' type='result'/>";
        assertThat(frame(HEADER + presence + empty, 3)).containsExactly("open", presence, empty);
    }

    @Test
    void aRestartedStreamIsFramedFromItsNewHeader() {
        StanzaFramer framer = new StanzaFramer();
        List<String> events = new ArrayList<>();
        StanzaFramer.Sink sink = new StanzaFramer.Sink() {
            @Override
            public void streamOpened() {
                events.add("open");
            }

            @Override
            public void element(byte[] bytes, int from, int to) {
                String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
                events.add(text);
                if (text.startsWith("<success")) {
                    framer.restart(); // RFC 6120 §6.4.6: the old stream is gone, a new header follows
                }
            }

            @Override
            public void streamClosed() {
                events.add("close");
            }
        };
        byte[] first = (HEADER + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>")
                .getBytes(StandardCharsets.UTF_8);
        framer.feed(first, 0, first.length, sink);
        byte[] second = (HEADER + "<stream:features/>").getBytes(StandardCharsets.UTF_8);
        framer.feed(second, 0, second.length, sink);
        assertThat(events).containsExactly("open", "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", "open",
                "<stream:features/>");
    }
}
