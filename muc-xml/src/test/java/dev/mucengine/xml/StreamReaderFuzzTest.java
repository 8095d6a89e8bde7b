package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mucengine.core.xml.Element;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link XmppStreamReader} over arbitrary bytes (docs/testing.md):
 * whatever a peer sends, the reader answers with events only (no exception escapes), reaches a
 * terminal event that it then repeats, lets through only elements within its limits that write
 * out and read back as themselves, and reports bad input as a stream error that is itself
 * well-formed, and the same bytes pushed one at a time into an {@link XmppPushReader} (as a
 * selector thread may get them) give the same events. Each input is read twice: with the default limits and with small ones, so that
 * short inputs reach the limit checks.
 *
 * <p>Run as a regression test on the committed inputs ({@code StreamReaderFuzzTestInputs}) in
 * {@code mvn test}; the {@code fuzz} execution of {@code mvn verify} fuzzes it for a few seconds.
 */
class StreamReaderFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void readsAnyBytesIntoEventsOnly(byte[] input) throws IOException {
        read(input, XmlLimits.DEFAULTS);
        read(input, FuzzedElements.SMALL);
    }

    private static void read(byte[] input, XmlLimits limits) throws IOException {
        XmppStreamReader reader = new XmppStreamReader(new ByteArrayInputStream(input), limits);
        // Every event but the terminal one consumes at least one byte, so this bound is never reached
        // by a reader that makes progress.
        int budget = input.length + 2;
        List<StreamEvent> events = new ArrayList<>();
        StreamEvent event = reader.next();
        events.add(event);
        while (event instanceof StreamEvent.StreamOpened || event instanceof StreamEvent.ElementReceived) {
            assertThat(--budget).as("the reader makes progress").isPositive();
            if (event instanceof StreamEvent.ElementReceived received) {
                Element element = received.element();
                FuzzedElements.assertWithinLimits(element, limits);
                FuzzedElements.assertRoundTrips(element);
            }
            event = reader.next();
            events.add(event);
        }
        if (event instanceof StreamEvent.StreamFailed failed) {
            FuzzedElements.assertRoundTrips(failed.error().toElement());
        }
        assertThat(reader.next()).as("a terminal event repeats").isEqualTo(event);
        assertThat(pushedByteByByte(input, limits)).as("the same bytes pushed one at a time").isEqualTo(events);
    }

    /** What a selector thread gets when every byte arrives on its own. */
    private static List<StreamEvent> pushedByteByByte(byte[] input, XmlLimits limits) {
        XmppPushReader push = new XmppPushReader(limits);
        List<StreamEvent> events = new ArrayList<>();
        for (byte b : input) {
            push.next(ByteBuffer.wrap(new byte[] {b})).ifPresent(events::add);
            if (push.ended()) {
                return events;
            }
        }
        events.add(push.end());
        return events;
    }
}
