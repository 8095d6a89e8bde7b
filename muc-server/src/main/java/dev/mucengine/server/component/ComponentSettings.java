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
 * @param outboundCapacity stanzas queued for the socket before the engine waits for the writer
 * @param handshakeTimeout how long connecting and the handshake may take before the attempt fails
 * @param closeGrace       on shutdown, how long to wait for the server's {@code </stream:stream>}
 */
public record ComponentSettings(String host, int port, DomainBareJid domain, String secret,
        XmlLimits limits, ReconnectPolicy reconnect, int outboundCapacity, Duration handshakeTimeout,
        Duration closeGrace) {

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
        if (outboundCapacity < 1) {
            throw new IllegalArgumentException("outboundCapacity must be positive");
        }
    }

    /** Default limits, reconnect policy, a 1024-stanza outbound queue, 30 s handshake, 5 s close. */
    public static ComponentSettings of(String host, int port, DomainBareJid domain, String secret) {
        return new ComponentSettings(host, port, domain, secret, XmlLimits.DEFAULTS,
                ReconnectPolicy.DEFAULT, 1024, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }
}
