package dev.mucengine.bench.load;

import java.io.IOException;
import java.util.OptionalLong;

/** A server under load, started for one run of one scenario and stopped after it. */
interface ServerProcess extends AutoCloseable {

    /** The password of every account the servers are started with ({@code u0}, {@code u1}, ...). */
    String PASSWORD = "pw";

    /** The XMPP domain of the clients; the MUC service is {@code conference.localhost}. */
    String DOMAIN = "localhost";

    String MUC_DOMAIN = "conference.localhost";

    /** The c2s port on 127.0.0.1. */
    int port();

    /** The operating system's process id, for {@link ProcessStats}. */
    long pid();

    /** Bytes of live heap after a full collection, where the server is a JVM. */
    OptionalLong liveHeapBytes() throws IOException, InterruptedException;

    /** Stops the server and removes what it wrote. */
    @Override
    void close() throws IOException, InterruptedException;

    /** Starts one kind of server with accounts {@code u0} to {@code u(accounts-1)}. */
    interface Kind {
        String name();

        ServerProcess start(int accounts) throws IOException, InterruptedException;
    }
}
