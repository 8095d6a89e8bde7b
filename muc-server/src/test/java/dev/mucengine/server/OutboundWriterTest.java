package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.SplicedBytes;
import dev.mucengine.xml.StanzaTemplate;
import dev.mucengine.xml.XmlSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer over a real loopback connection. Small socket buffers on both ends make a peer that
 * does not read fill them after a few dozen kilobytes.
 */
class OutboundWriterTest {

    private static final int SMALL_BUFFER = 16 * 1024;
    private static final String FILLER = "x".repeat(16 * 1024);

    private ServerSocket listener;
    private Socket peer;
    private Socket ours;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setReceiveBufferSize(SMALL_BUFFER);
        peer = new Socket();
        peer.setReceiveBufferSize(SMALL_BUFFER);
        peer.connect(listener.getLocalSocketAddress());
        peer.setSoTimeout(20_000); // a guard against hanging the build, not a timing assertion
        ours = listener.accept();
        ours.setSendBufferSize(SMALL_BUFFER);
    }

    @AfterEach
    void close() throws IOException {
        peer.close();
        ours.close();
        listener.close();
    }

    private OutboundWriter writer(long maxBytes, OverflowPolicy policy) {
        return writer(ours, maxBytes, OutputBudget.UNLIMITED, policy);
    }

    private static OutboundWriter writer(Socket socket, long maxBytes, OutputBudget budget, OverflowPolicy policy) {
        return new OutboundWriter(socket, maxBytes, budget, policy, "jabber:client", "test-out");
    }

    private static Element message(int i, String body) {
        return Element.builder("jabber:client", "message").attribute("id", "m" + i)
                .textChild("jabber:client", "body", body).build();
    }

    @Test
    void disconnectPolicyDropsAPeerThatStopsReadingInsteadOfBlockingTheSender() throws Exception {
        OutboundWriter writer = writer(4 * FILLER.length(), OverflowPolicy.DISCONNECT);
        Thread sender = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                writer.send(message(i, FILLER)); // the engine thread's call: must never block
            }
        });

        sender.start();
        sender.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(sender.isAlive()).as("sender blocked by a peer that does not read").isFalse();
        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).as("writer ended").isTrue();
        assertThat(ours.isClosed()).as("the peer is disconnected").isTrue();
    }

    @Test
    void backPressurePolicyMakesTheSenderWaitAndLosesNothing() throws Exception {
        OutboundWriter writer = writer(4 * FILLER.length(), OverflowPolicy.BACK_PRESSURE);
        int count = 200; // 3 MiB: far more than the queue and both socket buffers hold
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                writer.send(message(i, FILLER));
                sent.incrementAndGet();
            }
            writer.finish("</end>");
        });

        sender.start();
        sender.join(500);
        assertThat(sender.isAlive()).as("sender waits while the peer does not read").isTrue();
        assertThat(sent.get()).isLessThan(count);

        String received = readToEnd(peer.getInputStream());
        sender.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(sender.isAlive()).isFalse();
        assertThat(received.split("<message", -1)).hasSize(count + 1);
        assertThat(received.indexOf("id='m0'")).isLessThan(received.indexOf("id='m" + (count - 1) + "'"));
        assertThat(received).endsWith("</end>");
    }

    @Test
    void aReadingPeerGetsEverythingInOrderThenFinishEndsTheOutput() throws Exception {
        OutboundWriter writer = writer(1_000_000, OverflowPolicy.DISCONNECT);
        writer.sendMarkup("<stream>");
        for (int i = 0; i < 50; i++) {
            writer.send(message(i, "hello"));
        }
        writer.finish("</stream>");
        writer.send(message(99, "after the end")); // dropped

        String received = readToEnd(peer.getInputStream()); // ends: the writer shut its output down

        assertThat(received).startsWith("<stream><message").endsWith("</message></stream>")
                .doesNotContain("after the end");
        assertThat(received.split("<message", -1)).hasSize(51);
        assertThat(received.indexOf("id='m0'")).isLessThan(received.indexOf("id='m49'"));
        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(ours.isOutputShutdown()).as("our output is shut down").isTrue();
        peer.getOutputStream().write("</stream>".getBytes(StandardCharsets.UTF_8));
        assertThat(ours.getInputStream().readNBytes("</stream>".length())).as("the peer's last words are read")
                .asString(StandardCharsets.UTF_8).isEqualTo("</stream>");
    }

    @Test
    void copiesSerializedAlreadyAreWrittenAsTheyAreInOrderWithElements() throws Exception {
        OutboundWriter writer = writer(1_000_000, OverflowPolicy.DISCONNECT);
        Element stanza = message(7, "<fan-out> & 'more'").withAttribute("to", "a@b/c");
        StanzaTemplate template = StanzaTemplate.of(stanza, "jabber:client");
        XmlSerializer serializer = new XmlSerializer();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String to = "user" + i + "@example.org/r'" + i;
            writer.send(template.addressedTo(to));
            writer.send(message(i, "between"));
            expected.append(serializer.toXmlInStream(stanza.withAttribute("to", to), "jabber:client"))
                    .append(serializer.toXmlInStream(message(i, "between"), "jabber:client"));
        }
        writer.finish("");

        assertThat(readToEnd(peer.getInputStream())).isEqualTo(expected.toString());
        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void copiesSerializedAlreadyCountTheirBytesAgainstTheBound() throws Exception {
        OutboundWriter writer = writer(64 * 1024, OverflowPolicy.DISCONNECT);
        SplicedBytes copy = StanzaTemplate.of(message(1, "x".repeat(100)).withAttribute("to", "a@b/c"),
                "jabber:client").addressedTo("d@e/f");
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            while (!ours.isClosed() && sent.get() < 100_000) { // 14 MB in all
                writer.send(copy);
                sent.incrementAndGet();
            }
        });

        sender.start();
        sender.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).as("writer ended").isTrue();
        assertThat(ours.isClosed()).as("the peer is disconnected").isTrue();
        assertThat((long) sent.get() * copy.length()).as("bytes sent before the peer was disconnected")
                .isLessThan(1024 * 1024);
    }

    @Test
    void finishOutputLeavesTheSocketOpenForThePeersAnswer() throws Exception {
        OutboundWriter writer = writer(10_000, OverflowPolicy.BACK_PRESSURE);

        writer.finishOutput("</stream>");
        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).isTrue();
        byte[] closing = peer.getInputStream().readNBytes("</stream>".length());
        peer.getOutputStream().write("</stream>".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(closing, StandardCharsets.UTF_8)).isEqualTo("</stream>");
        assertThat(ours.isClosed()).isFalse();
        assertThat(ours.getInputStream().readNBytes("</stream>".length())).asString(StandardCharsets.UTF_8)
                .isEqualTo("</stream>");
    }

    @Test
    void abortDropsWhatIsQueuedAndClosesTheSocket() throws Exception {
        OutboundWriter writer = writer(10_000, OverflowPolicy.BACK_PRESSURE);

        writer.abort();
        writer.send(message(1, "too late"));

        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(ours.isClosed()).isTrue();
        assertThat(readToEnd(peer.getInputStream())).isEmpty();
    }

    /**
     * The bound is in bytes, not stanzas: a peer that does not read is disconnected once 64 KiB
     * wait for it (plus what the socket buffers took), however small the stanzas. Under a bound
     * in stanzas, 10,000 messages of 60,000 characters (600 MB) could wait for one client.
     */
    @Test
    void aPeerThatDoesNotReadIsDisconnectedWhenItsBytesExceedTheBound() throws Exception {
        OutboundWriter writer = writer(64 * 1024, OverflowPolicy.DISCONNECT);
        Element stanza = message(1, "x".repeat(100));
        int stanzaBytes = new XmlSerializer().toBytesInStream(stanza, "jabber:client").length;
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            while (!ours.isClosed() && sent.get() < 100_000) { // 100,000 stanzas: 14 MB in all
                writer.send(stanza);
                sent.incrementAndGet();
            }
        });

        sender.start();
        sender.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).as("writer ended").isTrue();
        assertThat(ours.isClosed()).as("the peer is disconnected").isTrue();
        assertThat((long) sent.get() * stanzaBytes).as("bytes sent before the peer was disconnected")
                .isLessThan(1024 * 1024);
    }

    /**
     * Writers sharing a budget of 512 KiB, each with a bound of 64 MiB: the one whose peer does
     * not read is ended once the sum would pass the budget; the one whose peer reads gets
     * everything, and what the writers hold goes back to nothing.
     */
    @Test
    void aSharedBudgetEndsTheWriterThatHoldsTheMost() throws Exception {
        OutputBudget budget = new OutputBudget(512 * 1024, 128 * 1024);
        try (ServerSocket otherListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket readingPeer = new Socket(InetAddress.getLoopbackAddress(), otherListener.getLocalPort());
                Socket theirs = otherListener.accept()) {
            OutboundWriter behind = writer(ours, 64L * 1024 * 1024, budget, OverflowPolicy.DISCONNECT);
            OutboundWriter reading = writer(theirs, 64L * 1024 * 1024, budget, OverflowPolicy.DISCONNECT);
            StringBuilder received = new StringBuilder();
            Thread reader = new Thread(() -> received.append(readToEnd(readingPeer)));
            reader.start();

            int sent = 0;
            while (!ours.isClosed() && sent < 200) { // up to 12 MB to the peer that does not read
                for (int j = 0; j < 4; j++) {
                    behind.send(message(j, FILLER));
                }
                reading.send(message(sent++, FILLER));
            }
            assertThat(behind.awaitEnd(Duration.ofSeconds(10))).as("the writer that held the most ended").isTrue();
            assertThat(ours.isClosed()).as("its peer is disconnected").isTrue();
            for (int i = 0; i < 20; i++) {
                reading.send(message(sent++, FILLER));
            }
            reading.finish("</stream>");
            reader.join(TimeUnit.SECONDS.toMillis(10));

            assertThat(received.toString().split("<message", -1)).as("what the reading peer got").hasSize(sent + 1);
            assertThat(theirs.isClosed()).as("and its connection stays").isFalse();
            assertThat(budget.held()).as("what the writers hold at the end").isZero();
        }
    }

    private static String readToEnd(Socket socket) {
        try {
            return readToEnd(socket.getInputStream());
        } catch (IOException e) {
            return "";
        }
    }

    /** A stanza larger than the whole bound still reaches a peer that reads. */
    @Test
    void aStanzaLargerThanTheBoundStillGoesToAReadingPeer() throws Exception {
        OutboundWriter writer = writer(1024, OverflowPolicy.DISCONNECT);

        writer.send(message(1, FILLER));
        writer.finish("</stream>");

        assertThat(readToEnd(peer.getInputStream())).contains(FILLER).endsWith("</stream>");
    }

    private static String readToEnd(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // reset by the closing side: nothing more to read either way
        }
    }
}
