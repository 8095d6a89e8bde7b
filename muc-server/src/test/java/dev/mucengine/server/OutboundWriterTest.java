package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
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

    private static Element message(int i, String body) {
        return Element.builder("jabber:client", "message").attribute("id", "m" + i)
                .textChild("jabber:client", "body", body).build();
    }

    @Test
    void disconnectPolicyDropsAPeerThatStopsReadingInsteadOfBlockingTheSender() throws Exception {
        OutboundWriter writer = new OutboundWriter(ours, 4, OverflowPolicy.DISCONNECT, "jabber:client", "test-out");
        writer.start();
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
        OutboundWriter writer = new OutboundWriter(ours, 4, OverflowPolicy.BACK_PRESSURE, "jabber:client",
                "test-out");
        writer.start();
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
    void aReadingPeerGetsEverythingInOrderThenFinishClosesTheSocket() throws Exception {
        OutboundWriter writer = new OutboundWriter(ours, 1_000, OverflowPolicy.DISCONNECT, "jabber:client",
                "test-out");
        writer.start();
        writer.sendMarkup("<stream>");
        for (int i = 0; i < 50; i++) {
            writer.send(message(i, "hello"));
        }
        writer.finish("</stream>");
        writer.send(message(99, "after the end")); // dropped

        String received = readToEnd(peer.getInputStream()); // ends: the writer closed the socket

        assertThat(received).startsWith("<stream><message").endsWith("</message></stream>")
                .doesNotContain("after the end");
        assertThat(received.split("<message", -1)).hasSize(51);
        assertThat(received.indexOf("id='m0'")).isLessThan(received.indexOf("id='m49'"));
        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(ours.isClosed()).isTrue();
    }

    @Test
    void finishOutputLeavesTheSocketOpenForThePeersAnswer() throws Exception {
        OutboundWriter writer = new OutboundWriter(ours, 10, OverflowPolicy.BACK_PRESSURE, "jabber:client",
                "test-out");
        writer.start();

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
        OutboundWriter writer = new OutboundWriter(ours, 10, OverflowPolicy.BACK_PRESSURE, "jabber:client",
                "test-out");
        writer.start();

        writer.abort();
        writer.send(message(1, "too late"));

        assertThat(writer.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(ours.isClosed()).isTrue();
        assertThat(readToEnd(peer.getInputStream())).isEmpty();
    }

    private static String readToEnd(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // reset by the closing side: nothing more to read either way
        }
    }
}
