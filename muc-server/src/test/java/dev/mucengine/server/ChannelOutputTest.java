package dev.mucengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.XmlSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The non-blocking output over a real loopback connection, written the way a selector thread
 * writes it. Small socket buffers make a peer that does not read fill them after a few dozen
 * kilobytes.
 */
class ChannelOutputTest {

    private static final int SMALL_BUFFER = 16 * 1024;
    private static final String FILLER = "x".repeat(16 * 1024);
    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private ServerSocketChannel listener;
    private SocketChannel peer;
    private SocketChannel ours;
    /** The selector thread's write buffer (64 KB in {@link SelectorLoop}). */
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);
    private final AtomicInteger wakes = new AtomicInteger();
    private final AtomicInteger overflows = new AtomicInteger();

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer = SocketChannel.open();
        peer.setOption(StandardSocketOptions.SO_RCVBUF, SMALL_BUFFER);
        peer.connect(listener.getLocalAddress());
        ours = listener.accept();
        ours.setOption(StandardSocketOptions.SO_SNDBUF, SMALL_BUFFER);
        ours.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException {
        peer.close();
        ours.close();
        listener.close();
    }

    private ChannelOutput output(long maxBytes, OutputBudget budget) {
        return new ChannelOutput(maxBytes, budget, "jabber:client", wakes::incrementAndGet,
                overflows::incrementAndGet);
    }

    private static Element message(int i, String body) {
        return Element.builder("jabber:client", "message").attribute("id", "m" + i)
                .textChild("jabber:client", "body", body).build();
    }

    /** Reads what the peer received until {@code expected} bytes have arrived. */
    private String received(int expected) throws IOException {
        return readWhile(got -> got.size() < expected);
    }

    /** Reads what the peer received until it ends with {@code end}. */
    private String readUntil(String end) throws IOException {
        return readWhile(got -> !got.toString(StandardCharsets.UTF_8).endsWith(end));
    }

    /** Reads what the peer received while {@code more} says so of what arrived, or until it closes. */
    private String readWhile(Predicate<ByteArrayOutputStream> more) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (more.test(got)) {
            buffer.clear();
            int n = peer.read(buffer);
            if (n < 0) {
                break;
            }
            got.write(buffer.array(), 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    @Test
    void itemsGoOutInOrderWithOneWakeUpForABurst() throws IOException {
        ChannelOutput output = output(1 << 20, OutputBudget.UNLIMITED);
        byte[] shared = "<message to='".getBytes(StandardCharsets.UTF_8);
        output.sendMarkup("<stream:stream>");
        output.send(message(1, "one"));
        output.send(OutputItem.bytes(shared, "a@b'/>".getBytes(StandardCharsets.UTF_8)));
        output.send(message(2, "two"));

        assertThat(wakes).as("wake-ups for four items queued while idle").hasValue(1);
        assertThat(output.write(ours, scratch)).isEqualTo(ChannelOutput.Progress.IDLE);
        String expected = "<stream:stream>" + SERIALIZER.toXmlInStream(message(1, "one"), "jabber:client")
                + "<message to='a@b'/>" + SERIALIZER.toXmlInStream(message(2, "two"), "jabber:client");
        assertThat(received(expected.length())).isEqualTo(expected);
        assertThat(output.heldBytes()).as("held once written").isZero();
        assertThat(shared).as("the shared segment, untouched").isEqualTo("<message to='".getBytes(StandardCharsets.UTF_8));

        output.send(message(3, "three"));
        assertThat(wakes).as("the next item after an idle write wakes again").hasValue(2);
    }

    @Test
    void aPeerThatStopsReadingIsDisconnectedInsteadOfHoldingMore() throws IOException {
        ChannelOutput output = output(4 * FILLER.length(), OutputBudget.UNLIMITED);
        ChannelOutput.Progress progress = ChannelOutput.Progress.IDLE;
        for (int i = 0; i < 100 && overflows.get() == 0; i++) {
            output.send(message(i, FILLER)); // the engine thread's call: never blocks
            progress = output.write(ours, scratch);
        }
        assertThat(progress).as("the socket is full").isEqualTo(ChannelOutput.Progress.BLOCKED);
        assertThat(overflows).as("overflow reported once").hasValue(1);
        assertThat(output.over()).isTrue();
        assertThat(output.heldBytes()).as("held at most the bound plus one item")
                .isLessThanOrEqualTo(5L * FILLER.length() + 100);
        output.close();
        assertThat(output.heldBytes()).as("held after close").isZero();
    }

    @Test
    void oneItemLargerThanTheBoundStillReachesAPeerThatReads() throws IOException {
        ChannelOutput output = output(1024, OutputBudget.UNLIMITED);
        Element large = message(1, "y".repeat(100_000));
        output.send(large);
        String expected = SERIALIZER.toXmlInStream(large, "jabber:client");
        StringBuilder got = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (got.length() < expected.length()) {
            output.write(ours, scratch);
            buffer.clear();
            int n = peer.read(buffer);
            got.append(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
        }
        assertThat(got.toString()).isEqualTo(expected);
        assertThat(overflows).hasValue(0);
    }

    /**
     * A write buffer far smaller than the items, and a socket that takes part of what is copied:
     * each byte still goes out once, in order, whatever the write stops at; spliced items (shared
     * segments around a copy's own) included.
     */
    @Test
    @Timeout(60)
    void itemsSplitOverManyWritesArriveWholeAndInOrder() throws Exception {
        ChannelOutput output = output(1 << 24, OutputBudget.UNLIMITED);
        ByteBuffer tiny = ByteBuffer.allocateDirect(7);
        StringBuilder expected = new StringBuilder();
        byte[] shared = "<message to='".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 300; i++) {
            Element m = message(i, FILLER.substring(0, 37 * i));
            output.send(m);
            expected.append(SERIALIZER.toXmlInStream(m, "jabber:client"));
            output.send(OutputItem.bytes(shared, ("r" + i + "@b'/>").getBytes(StandardCharsets.UTF_8)));
            expected.append("<message to='r").append(i).append("@b'/>");
        }
        String want = expected.toString();
        CompletableFuture<String> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return received(want.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int rounds = 0;
        ChannelOutput.Progress progress;
        while ((progress = output.write(ours, (rounds++ % 2 == 0) ? tiny : scratch)) != ChannelOutput.Progress.IDLE) {
            assertThat(progress).isEqualTo(ChannelOutput.Progress.BLOCKED);
            Thread.sleep(1);
        }
        assertThat(reading.get(30, TimeUnit.SECONDS)).isEqualTo(want);
        assertThat(output.heldBytes()).as("held once written").isZero();
        assertThat(shared).as("the shared segment, untouched").isEqualTo("<message to='".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLastBytesEndTheOutputAndLaterItemsAreDropped() throws IOException {
        ChannelOutput output = output(1 << 20, OutputBudget.UNLIMITED);
        output.send(message(1, "bye"));
        output.finish("</stream:stream>");
        output.send(message(2, "too late"));

        assertThat(output.write(ours, scratch)).isEqualTo(ChannelOutput.Progress.ENDED);
        String expected = SERIALIZER.toXmlInStream(message(1, "bye"), "jabber:client") + "</stream:stream>";
        assertThat(received(expected.length())).isEqualTo(expected);
        assertThat(output.over()).isTrue();
        assertThat(output.heldBytes()).isZero();
    }

    /**
     * Back-pressure, as on a component link: while the peer does not read, a sender waits once
     * the bound is reached (nothing is dropped, the output holds no more than the bound and one
     * item); the thread that writes (here the test's, standing for the selector thread) never
     * waits, even past the bound. When the peer reads again everything arrives, in order.
     */
    @Test
    @Timeout(60)
    void underBackPressureASenderWaitsForRoomAndNothingIsLost() throws Exception {
        Thread selector = Thread.currentThread();
        long bound = 4L * FILLER.length();
        ChannelOutput output = ChannelOutput.waitingForRoom(bound, "jabber:client", wakes::incrementAndGet,
                () -> Thread.currentThread() != selector);
        int count = 200; // 3 MiB: far more than the bound and both socket buffers hold
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                output.send(message(i, FILLER));
                sent.incrementAndGet();
            }
            output.finish("</end>");
        });
        sender.start();
        // Written until the socket is full and the sender waits (as it must, or the test times out).
        while (output.write(ours, scratch) != ChannelOutput.Progress.BLOCKED || sender.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        assertThat(sent.get()).as("sent while the peer does not read").isLessThan(count);
        assertThat(output.heldBytes()).as("held at most the bound plus one item").isLessThanOrEqualTo(bound + 17_000);
        output.sendMarkup("<ours/>"); // the writing thread itself: past the bound, without waiting
        assertThat(output.over()).isFalse();

        CompletableFuture<String> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return readUntil("</end>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        while (output.write(ours, scratch) != ChannelOutput.Progress.ENDED) {
            Thread.sleep(1); // the selector would wait for write readiness or a wake-up
        }
        String all = reading.get(20, TimeUnit.SECONDS);
        sender.join(10_000);
        assertThat(sender.isAlive()).isFalse();
        assertThat(all.split("<message", -1)).as("every message").hasSize(count + 1);
        assertThat(all.indexOf("id='m0'")).isLessThan(all.indexOf("id='m" + (count - 1) + "'"));
        assertThat(all).contains("<ours/>").endsWith("</end>");
    }

    @Test
    void theBudgetDisconnectsTheOutputThatHoldsTheMost() throws IOException {
        OutputBudget budget = new OutputBudget(7L * FILLER.length(), FILLER.length());
        ChannelOutput behind = output(1 << 20, budget);
        for (int i = 0; i < 6; i++) {
            behind.send(message(i, FILLER)); // never written: its peer is far behind
        }
        AtomicInteger otherOverflows = new AtomicInteger();
        ChannelOutput other = new ChannelOutput(1 << 20, budget, "jabber:client", () -> { }, otherOverflows::incrementAndGet);
        other.send(message(7, FILLER));

        assertThat(overflows).as("the one holding the most").hasValue(1);
        assertThat(otherOverflows).hasValue(0);
    }
}
