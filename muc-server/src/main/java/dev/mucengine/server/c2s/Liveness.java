package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * When a connection has gone quiet for too long: the rule behind {@link ServeLimits}' timeouts,
 * a pure function of the connection's times ({@link System#nanoTime()} values), so it is tested
 * without waiting.
 *
 * <ul>
 *   <li>A connection that has not bound a resource {@code authTimeout} after it was accepted is
 *       closed ({@code connection-timeout}, RFC 6120 §4.9.3.4).
 *   <li>A bound client that sent nothing for {@code idleTimeout} is pinged (XEP-0199 §4.1: a
 *       server may ping a client); if it still sent nothing {@code pingTimeout} after the ping,
 *       it is closed ({@code connection-timeout}). Any complete element counts, the ping's answer
 *       included; bytes of an element still arriving do not, so a client trickling one stanza
 *       forever is closed too.
 *   <li>A connection whose stream was ended is given {@value #CLOSE_GRACE_SECONDS} s (at most
 *       {@code pingTimeout}) to take the last bytes and close its side (RFC 6120 §4.4); then it
 *       is cut off, so that its socket is freed.
 * </ul>
 */
final class Liveness {

    static final int CLOSE_GRACE_SECONDS = 5;
    private static final AtomicLong PINGS = new AtomicLong();

    /** What to do about a connection now. */
    enum Action { NONE, PING, CLOSE_UNAUTHENTICATED, CLOSE_IDLE, ABORT }

    /** A connection's times; 0 for a time that has not come (never pinged, not ended). */
    record Times(long accepted, boolean bound, long lastInput, long pinged, long ended) {
    }

    private Liveness() {
    }

    /**
     * How often connections are checked: a few times per shortest timeout, at most once a second,
     * at least every 10 ms.
     */
    static long tickMillis(ServeLimits limits) {
        long shortest = Math.min(limits.authTimeout().toMillis(),
                Math.min(limits.idleTimeout().toMillis(), limits.pingTimeout().toMillis()));
        return Math.max(10, Math.min(1000, shortest / 4));
    }

    /** The ping {@link Action#PING} asks for (XEP-0199 §4.1), from the server to a bound client. */
    static Element ping(Jid server, EntityFullJid client) {
        return Element.builder(Stanza.CLIENT_NAMESPACE, "iq").attribute("type", "get")
                .attribute("id", "ping-" + PINGS.incrementAndGet())
                .attribute("from", server.toString()).attribute("to", client.toString())
                .child(Element.empty(ServerIq.PING, "ping")).build();
    }

    static Action check(ServeLimits limits, Times t, long now) {
        if (t.ended() != 0) {
            long grace = Math.min(limits.pingTimeout().toNanos(), CLOSE_GRACE_SECONDS * 1_000_000_000L);
            return now - t.ended() >= grace ? Action.ABORT : Action.NONE;
        }
        if (!t.bound()) {
            return now - t.accepted() >= limits.authTimeout().toNanos() ? Action.CLOSE_UNAUTHENTICATED : Action.NONE;
        }
        boolean pingedSinceInput = t.pinged() != 0 && t.pinged() - t.lastInput() > 0;
        if (pingedSinceInput) {
            return now - t.pinged() >= limits.pingTimeout().toNanos() ? Action.CLOSE_IDLE : Action.NONE;
        }
        return now - t.lastInput() >= limits.idleTimeout().toNanos() ? Action.PING : Action.NONE;
    }
}
