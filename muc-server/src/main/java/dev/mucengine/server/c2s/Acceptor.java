package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.server.CriticalThreads;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.XmlSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code c2s-acceptor} thread: accepts connections, admits them ({@link Admission}) or
 * refuses them with a stream error, and hands each admitted one to a {@link SelectorLoop}, in
 * turn. A blocking accept on its own thread keeps refusals (written while the socket is still
 * blocking) and the out-of-memory pause off the selector threads. It survives what it can: a
 * connection that cannot be started (out of memory, out of threads) is closed and its place given
 * back, and accepting goes on after a pause. Should it die all the same, the process exits
 * ({@link CriticalThreads}): a port that stays open but never answers is the worst outage.
 */
final class Acceptor {

    private static final XmlSerializer SERIALIZER = new XmlSerializer();
    /** After running out of memory, accepting pauses this long so that memory can be freed. */
    private static final long PAUSE_AFTER_OUT_OF_MEMORY_MILLIS = 100;
    /** Refusals are logged at most this often, with how many there were. */
    private static final long REFUSAL_LOG_NANOS = 60_000_000_000L;

    private final ServerSocketChannel listener;
    private final ServerContext context;
    private final List<SelectorLoop> loops;
    private final Thread thread;
    private int nextLoop;
    private long refusals;
    private long lastRefusalLog;

    Acceptor(ServerSocketChannel listener, ServerContext context, List<SelectorLoop> loops) {
        this.listener = listener;
        this.context = context;
        this.loops = loops;
        this.thread = new Thread(this::run, "c2s-acceptor");
        thread.setDaemon(true);
        CriticalThreads.guard(thread);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (listener.isOpen()) {
            try {
                admit(listener.accept());
            } catch (IOException e) {
                if (listener.isOpen()) {
                    log("serve: accept failed: " + e.getMessage());
                }
            } catch (OutOfMemoryError e) {
                log("serve: out of memory while accepting a connection; it was closed");
                pause();
            }
        }
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
            channel.socket().setTcpNoDelay(true);
            channel.configureBlocking(false);
            SelectorLoop loop = loops.get(nextLoop);
            nextLoop = (nextLoop + 1) % loops.size();
            connection = new ClientConnection(channel, address, context, loop);
            context.connections().add(connection);
            loop.adopt(channel, connection);
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

    /**
     * Our stream header, the error and the end of the stream, then the socket is closed (RFC 6120
     * §4.9.1.1). Written here, on the acceptor thread, while the channel still blocks: a socket
     * just accepted has an empty send buffer, so the few hundred bytes never wait for the client.
     */
    private void refuse(SocketChannel channel, StreamError error) {
        countRefusal(error);
        try (channel) {
            OutputStream out = channel.socket().getOutputStream();
            out.write((SERIALIZER.openStream(StreamFeatures.header(context.identity().domain(),
                    UUID.randomUUID().toString()))
                    + SERIALIZER.toXmlInStream(error.toElement(), Stanza.CLIENT_NAMESPACE)
                    + SERIALIZER.closeStream()).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // The client is already gone: nothing to tell it.
        }
    }

    private void countRefusal(StreamError error) {
        refusals++;
        long now = System.nanoTime();
        if (lastRefusalLog == 0 || now - lastRefusalLog >= REFUSAL_LOG_NANOS) {
            log("serve: refusing connections (" + error.text().orElse(error.condition().wireName()) + "); "
                    + refusals + " refused since the last such message");
            refusals = 0;
            lastRefusalLog = now;
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_OUT_OF_MEMORY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logging may itself run out of memory; the acceptor goes on regardless. */
    private static void log(String line) {
        try {
            System.err.println(line);
        } catch (RuntimeException | OutOfMemoryError e) {
            // nothing better to do
        }
    }
}
