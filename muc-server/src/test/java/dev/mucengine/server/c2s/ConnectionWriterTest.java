package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A peer that stops reading must not hold up the engine thread, nor make the server buffer without bound. */
class ConnectionWriterTest {

    /** An output whose first write never returns: the peer stopped reading and TCP's window is full. */
    private static final class StalledOutput extends OutputStream {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(int b) throws java.io.IOException {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Element message(int i) {
        return Element.builder("jabber:client", "message").attribute("id", "m" + i).build();
    }

    @Test
    void aStalledPeerOverflowsItsQueueInsteadOfBlockingTheSender() throws Exception {
        StalledOutput stalled = new StalledOutput();
        AtomicInteger overflows = new AtomicInteger();
        ConnectionWriter writer = new ConnectionWriter(stalled, 4, overflows::incrementAndGet, () -> { });
        writer.start("test-writer");
        Thread sender = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                writer.send(message(i)); // the engine thread's call: must never block
            }
        });
        sender.start();
        sender.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(sender.isAlive()).as("sender blocked by a peer that does not read").isFalse();
        assertThat(overflows.get()).as("overflow reported so the server can disconnect").isPositive();
        stalled.release.countDown();
        writer.close();
    }

    @Test
    void aReadingPeerGetsEveryStanzaInOrder() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger overflows = new AtomicInteger();
        ConnectionWriter writer = new ConnectionWriter(bytes, 1000, overflows::incrementAndGet, finished::countDown);
        writer.start("test-writer");
        for (int i = 0; i < 50; i++) {
            writer.send(message(i));
        }
        writer.close();
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(overflows.get()).isZero();
        assertThat(written.indexOf("id='m0'")).isLessThan(written.indexOf("id='m49'"));
        assertThat(written.split("<message", -1)).hasSize(51);
    }
}
