package dev.mucengine.server.component;

import dev.mucengine.xml.XmlLimits;
import java.time.Duration;
import java.util.Objects;
import org.jxmpp.jid.DomainBareJid;

/**
 * Where and as whom to connect.
 *
 * @param host             the server's host name or address
 * @param port             the server's component port (XEP-0114; Prosody's default is 5347)
 * @param domain           the component's domain, which the engine serves
 * @param secret           the shared secret configured on the server for this domain
 * @param limits           limits on what the server may send, as for any other stream
 * @param reconnect        backoff between connection attempts
 * @param outboundBytes    output queued for the socket before the engine waits for the writer,
 *                         in bytes as {@code ChannelOutput} counts them
 * @param handshakeTimeout how long connecting and the handshake may take before the attempt fails
 * @param closeGrace       on shutdown, how long to wait for the server's {@code </stream:stream>}
 */
public record ComponentSettings(String host, int port, DomainBareJid domain, String secret,
        XmlLimits limits, ReconnectPolicy reconnect, long outboundBytes, Duration handshakeTimeout,
        Duration closeGrace) {

    /**
     * The default outbound queue: 1 MiB, four full-size stanzas (256 KiB each) or thousands of
     * chat messages, before the engine waits for the server to read.
     */
    public static final long DEFAULT_OUTBOUND_BYTES = 1024 * 1024;

    public ComponentSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(closeGrace, "closeGrace");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (outboundBytes < 1) {
            throw new IllegalArgumentException("outboundBytes must be positive");
        }
    }

    /** Default limits, reconnect policy, a 1 MiB outbound queue, 30 s handshake, 5 s close. */
    public static ComponentSettings of(String host, int port, DomainBareJid domain, String secret) {
        return new ComponentSettings(host, port, domain, secret, XmlLimits.DEFAULTS,
                ReconnectPolicy.DEFAULT, DEFAULT_OUTBOUND_BYTES, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }
}
