package dev.mucengine.server.c2s;

import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts connections, in total, per IP address and before authentication, and refuses those
 * over {@link ServeLimits}' limits (XEP-0205 §4.1 and §4.3). A connection is counted
 * from {@link #admit} until {@link #release}; it counts as unauthenticated until
 * {@link #authenticated}. Thread-safe: the acceptor admits, readers release.
 */
final class Admission {

    private final ServeLimits limits;
    private final Map<InetAddress, Integer> byAddress = new HashMap<>();
    private int total;
    private int unauthenticated;

    Admission(ServeLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts a new connection from {@code address}, unauthenticated; or refuses it, with the
     * stream error to send, and counts nothing.
     */
    synchronized Optional<StreamError> admit(InetAddress address) {
        if (total >= limits.maxConnections()) {
            return Optional.of(StreamError.of(StreamErrorCondition.RESOURCE_CONSTRAINT,
                    "the server has reached its limit of connections; try again later"));
        }
        if (unauthenticated >= limits.maxUnauthenticated()) {
            return Optional.of(StreamError.of(StreamErrorCondition.RESOURCE_CONSTRAINT,
                    "too many connections are authenticating; try again later"));
        }
        int fromAddress = byAddress.getOrDefault(address, 0);
        if (fromAddress >= limits.maxConnectionsPerAddress()) {
            return Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                    "too many connections from your address"));
        }
        byAddress.put(address, fromAddress + 1);
        total++;
        unauthenticated++;
        return Optional.empty();
    }

    /** An admitted connection has authenticated and bound a resource. Once per connection. */
    synchronized void authenticated() {
        unauthenticated--;
    }

    /** An admitted connection has ended. Once per connection. */
    synchronized void release(InetAddress address, boolean wasAuthenticated) {
        total--;
        if (!wasAuthenticated) {
            unauthenticated--;
        }
        byAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }
}
