package dev.mucengine.server.c2s;

import dev.mucengine.xml.XmlLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@code serve} bounds, so that no client, or crowd of clients, can take more than its
 * share of memory, threads or time. The defaults ({@link #DEFAULTS}) keep a server on a 256 MB
 * heap serving through the attacks of docs/embedding.md's limits table, which lists each limit
 * with what exceeding it costs the client.
 *
 * @param maxConnections              client connections at once; one more is refused with
 *                                    {@code resource-constraint}
 * @param maxConnectionsPerAddress    connections at once from one IP address; one more is refused
 *                                    with {@code policy-violation}
 * @param maxUnauthenticated          connections at once that have not yet bound a resource; one
 *                                    more is refused with {@code resource-constraint}
 * @param authTimeout                 how long a connection may take to authenticate and bind a
 *                                    resource before it is closed ({@code connection-timeout})
 * @param idleTimeout                 how long a bound client may send nothing before the server
 *                                    pings it (XEP-0199)
 * @param pingTimeout                 how long after that ping the client may still send nothing
 *                                    before it is closed ({@code connection-timeout})
 * @param maxStanzaBytes              bytes of one top-level element ({@code policy-violation})
 * @param maxBytesBeforeAuthentication bytes a connection may send before it has authenticated
 *                                    ({@code policy-violation})
 * @param maxHeldInputBytes           input the server holds for all clients together (elements
 *                                    still arriving, stanzas waiting for the engine); past it, the
 *                                    connection holding the most is closed ({@code policy-violation})
 * @param maxOutputBytes              output queued for one client that does not read, in bytes as
 *                                    {@code ChannelOutput} counts them, before it is disconnected
 * @param maxTotalOutputBytes         output queued for all clients together; past it, the client
 *                                    with the most waiting is disconnected, if that is at least a
 *                                    quarter of {@code maxOutputBytes}
 * @param maxAuthFailures             failed SASL attempts on one connection; the last one ends
 *                                    the stream ({@code policy-violation})
 * @param authFailureDelay            the wait before an attempt from an address with one recent
 *                                    failure; it doubles with each further failure, up to 32 times
 *                                    this
 * @param registrationsPerAddress     accounts one IP address may register in an hour (XEP-0077);
 *                                    one more is refused with {@code policy-violation}
 * @param registrationsPerHour        accounts all addresses together may register in an hour
 * @param maxUsernameLength           code points of a username registered in-band
 * @param maxPasswordLength           characters of a password set in-band
 * @param maxPrivateBytes             bytes of XEP-0049 private storage per account
 * @param maxPrivateKeys              elements of XEP-0049 private storage per account
 */
public record ServeLimits(int maxConnections, int maxConnectionsPerAddress, int maxUnauthenticated,
        Duration authTimeout, Duration idleTimeout, Duration pingTimeout, int maxStanzaBytes,
        int maxBytesBeforeAuthentication, long maxHeldInputBytes, long maxOutputBytes, long maxTotalOutputBytes,
        int maxAuthFailures, Duration authFailureDelay,
        int registrationsPerAddress, int registrationsPerHour, int maxUsernameLength, int maxPasswordLength,
        int maxPrivateBytes, int maxPrivateKeys) {

    /** The defaults, documented in docs/embedding.md. */
    public static final ServeLimits DEFAULTS = new ServeLimits(5_000, 100, 1_000,
            Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(60),
            XmlLimits.DEFAULTS.maxStanzaBytes(), 64 * 1024, 32L * 1024 * 1024, 2L * 1024 * 1024,
            64L * 1024 * 1024, 3, Duration.ofSeconds(1),
            5, 100, 64, 1024, 1024 * 1024, 100);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a count or size is less than 1, a duration is not
     *     positive (the failure delay may be zero), or a stanza may not hold a SASL exchange (4 KiB)
     */
    public ServeLimits {
        Objects.requireNonNull(authTimeout, "authTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(authFailureDelay, "authFailureDelay");
        if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxUnauthenticated < 1 || maxOutputBytes < 1
                || maxHeldInputBytes < 1 || maxTotalOutputBytes < 1 || maxAuthFailures < 1 || registrationsPerAddress < 1 || registrationsPerHour < 1
                || maxUsernameLength < 1 || maxPasswordLength < 1 || maxPrivateBytes < 1 || maxPrivateKeys < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxStanzaBytes < 4096 || maxBytesBeforeAuthentication < 4096) {
            throw new IllegalArgumentException("stanzas and the input before authentication need at least 4096 bytes");
        }
        if (!positive(authTimeout) || !positive(idleTimeout) || !positive(pingTimeout)
                || authFailureDelay.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * The XML limits of a client stream: the default ones with this stanza size.
     *
     * @return the limits
     */
    public XmlLimits xmlLimits() {
        XmlLimits d = XmlLimits.DEFAULTS;
        return new XmlLimits(maxStanzaBytes, d.maxDepth(), d.maxAttributes(), d.maxTextLength(),
                d.maxAttributeLength());
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
