package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.server.SelectorLoop;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.XmlSerializer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Accepting on the first selector thread: the listening socket is registered for
 * {@link SelectionKey#OP_ACCEPT}; each connection that arrives is admitted ({@link Admission}) or
 * refused with a stream error, and each admitted one goes to a {@link SelectorLoop}, in turn. No
 * thread of its own: a refusal is a few hundred bytes written to a socket just accepted, whose
 * empty send buffer takes them at once. It survives what it can: a connection that cannot be
 * started (out of memory) is closed and its place given back; after running out of memory, or a
 * failed accept (out of file descriptors), accepting pauses briefly (a timer, not a sleep: the
 * loop's connections go on) and then resumes. The selector thread itself is critical
 * ({@link dev.mucengine.server.CriticalThreads}): a port that stays open but never answers is the
 * worst outage.
 */
final class Acceptor implements SelectorLoop.Handler {

    private static final XmlSerializer SERIALIZER = new XmlSerializer();
    /** After running out of memory or descriptors, accepting pauses this long so that some can be freed. */
    private static final long PAUSE_NANOS = 100_000_000L;
    /** Connections accepted in one round before the loop's other channels get their turn. */
    private static final int ACCEPTS_PER_ROUND = 64;
    /** Refusals and failed accepts are logged at most this often, with how many there were. */
    private static final long LOG_NANOS = 60_000_000_000L;

    private final ServerSocketChannel listener;
    private final ServerContext context;
    private final List<SelectorLoop> loops;
    private final SelectorLoop home;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private @Nullable SelectionKey key;
    private final Occurrences refusals = new Occurrences();
    private final Occurrences failures = new Occurrences();
    private int nextLoop;

    /** @param loops the selector threads; the first one accepts */
    Acceptor(ServerSocketChannel listener, ServerContext context, List<SelectorLoop> loops) {
        this.listener = listener;
        this.context = context;
        this.loops = loops;
        this.home = loops.get(0);
    }

    void start() throws IOException {
        listener.configureBlocking(false);
        home.register(listener, SelectionKey.OP_ACCEPT, this);
    }

    /**
     * Any thread: stops accepting and closes the listening socket, on the loop's thread, whose
     * next select (right after) releases the port; waits up to a second for the loop to do so.
     */
    void close() {
        home.execute(this::failed);
        try {
            closed.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the loop is gone or stuck: closed from here instead
        }
        closeListener();
    }

    @Override
    public void attached(SelectionKey selectionKey) {
        this.key = selectionKey;
    }

    @Override
    public void ready(SelectionKey selectionKey) {
        for (int i = 0; i < ACCEPTS_PER_ROUND && listener.isOpen(); i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (listener.isOpen()) {
                    countFailure("serve: accept failed: " + e.getMessage());
                    pause(); // out of descriptors: the connection stays pending, and would be ready again at once
                }
                return;
            } catch (OutOfMemoryError e) {
                log("serve: out of memory while accepting a connection; it was closed");
                pause();
                return;
            }
            if (channel == null) {
                return; // none left
            }
            try {
                admit(channel);
            } catch (IOException | RuntimeException e) {
                close(channel); // gone before it was admitted, or a bug: this connection only
            } catch (OutOfMemoryError e) {
                log("serve: out of memory while accepting a connection; it was closed");
                pause();
                return;
            }
        }
    }

    /** The loop stops, or {@link #close} asked: accepting ends for good. */
    @Override
    public void failed() {
        SelectionKey k = key;
        if (k != null) {
            k.cancel();
        }
        home.forget(this);
        closeListener();
        closed.complete(null);
    }

    private void admit(SocketChannel channel) throws IOException {
        InetAddress address = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        Optional<StreamError> refusal = context.admission().admit(address);
        if (refusal.isPresent()) {
            refuse(channel, refusal.get());
            return;
        }
        ClientConnection connection = null;
        try {
            channel.configureBlocking(false);
            channel.socket().setTcpNoDelay(true);
            SelectorLoop loop = loops.get(nextLoop);
            nextLoop = (nextLoop + 1) % loops.size();
            connection = new ClientConnection(channel, address, context, loop);
            context.connections().add(connection);
            loop.register(channel, SelectionKey.OP_READ, connection);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (connection != null) {
                context.connections().remove(connection);
                connection.release();
            } else {
                context.admission().release(address, false);
            }
            close(channel);
            if (e instanceof OutOfMemoryError oom) {
                throw oom;
            }
        }
    }

    /** Accepting stops for a moment, on a timer of the loop; the loop's connections go on. */
    private void pause() {
        SelectionKey k = key;
        if (k == null || !k.isValid()) {
            return;
        }
        k.interestOps(0);
        home.schedule(PAUSE_NANOS, () -> {
            if (k.isValid()) {
                k.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    /**
     * Our stream header, the error and the end of the stream, then the socket is closed (RFC 6120
     * §4.9.1.1). One non-blocking write: a socket just accepted has an empty send buffer, so the
     * few hundred bytes never wait for the client.
     */
    private void refuse(SocketChannel channel, StreamError error) {
        countRefusal(error);
        try (channel) {
            channel.write(ByteBuffer.wrap((SERIALIZER.openStream(StreamFeatures.header(context.identity().domain(),
                    UUID.randomUUID().toString()))
                    + SERIALIZER.toXmlInStream(error.toElement(), Stanza.CLIENT_NAMESPACE)
                    + SERIALIZER.closeStream()).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // The client is already gone: nothing to tell it.
        }
    }

    private void countRefusal(StreamError error) {
        long n = refusals.countOne();
        if (n > 0) {
            log("serve: refusing connections (" + error.text().orElse(error.condition().wireName()) + "); "
                    + n + " refused since the last such message");
        }
    }

    private void countFailure(String line) {
        long n = failures.countOne();
        if (n > 0) {
            log(line + " (" + n + " since the last such message); pausing " + PAUSE_NANOS / 1_000_000 + " ms");
        }
    }

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Counts what happens often and says when it is worth a log line again: at most once a minute. */
    private static final class Occurrences {
        private long count;
        private long lastLog;

        /** Counts one; returns how many there were since the last line if it is time for one, else 0. */
        long countOne() {
            count++;
            long now = System.nanoTime();
            if (lastLog != 0 && now - lastLog < LOG_NANOS) {
                return 0;
            }
            long n = count;
            count = 0;
            lastLog = now;
            return n;
        }
    }

    /** Logging may itself run out of memory; accepting goes on regardless. */
    private static void log(String line) {
        try {
            System.err.println(line);
        } catch (RuntimeException | OutOfMemoryError e) {
            // nothing better to do
        }
    }
}
