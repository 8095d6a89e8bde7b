package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.server.CriticalThreads;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.XmlSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code c2s-acceptor} thread: accepts connections, admits them ({@link Admission}) or
 * refuses them with a stream error, and starts each admitted one. It survives what it can: a
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

    private final ServerSocket listener;
    private final ServerContext context;
    private final Thread thread;
    private long refusals;
    private long lastRefusalLog;

    Acceptor(ServerSocket listener, ServerContext context) {
        this.listener = listener;
        this.context = context;
        this.thread = new Thread(this::run, "c2s-acceptor");
        thread.setDaemon(true);
        CriticalThreads.guard(thread);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (!listener.isClosed()) {
            try {
                admit(listener.accept());
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    log("serve: accept failed: " + e.getMessage());
                }
            } catch (OutOfMemoryError e) {
                log("serve: out of memory while accepting a connection; it was closed");
                pause();
            }
        }
    }

    private void admit(Socket socket) {
        InetAddress address = socket.getInetAddress();
        Optional<StreamError> refusal = context.admission().admit(address);
        if (refusal.isPresent()) {
            refuse(socket, refusal.get());
            return;
        }
        ClientConnection connection = null;
        try {
            socket.setTcpNoDelay(true);
            connection = new ClientConnection(socket, context);
            context.connections().add(connection);
            connection.start();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (connection != null) {
                context.connections().remove(connection);
                connection.release();
            } else {
                context.admission().release(address, false);
            }
            close(socket);
            if (e instanceof OutOfMemoryError oom) {
                throw oom;
            }
        }
    }

    /**
     * Our stream header, the error and the end of the stream, then the socket is closed (RFC 6120
     * §4.9.1.1). Written here, on the acceptor thread: a socket just accepted has an empty send
     * buffer, so the few hundred bytes never wait for the client.
     */
    private void refuse(Socket socket, StreamError error) {
        countRefusal(error);
        try (socket) {
            OutputStream out = socket.getOutputStream();
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

    private static void close(Socket socket) {
        try {
            socket.close();
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
