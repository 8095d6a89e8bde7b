package dev.mucengine.server.c2s;

import java.net.InetAddress;

/**
 * One connection's place in the {@link Admission}: it counts as unauthenticated until its session
 * binds a resource, and is given back once, as whichever it is then. Thread-safe: bound on the
 * engine thread, given back on the connection's selector thread or the acceptor's.
 */
final class AdmissionPlace {

    private final Admission admission;
    private final InetAddress address;
    private boolean bound;
    private boolean released;

    AdmissionPlace(Admission admission, InetAddress address) {
        this.admission = admission;
        this.address = address;
    }

    /** Whether the session bound its resource (and the place was not given back before). */
    synchronized boolean bound() {
        return bound;
    }

    /** The session bound its resource: the connection no longer counts as unauthenticated. */
    synchronized void bind() {
        if (!released && !bound) {
            bound = true;
            admission.authenticated();
        }
    }

    /** Gives the place back. Once; later calls do nothing. */
    synchronized void release() {
        if (!released) {
            released = true;
            admission.release(address, bound);
        }
    }
}
