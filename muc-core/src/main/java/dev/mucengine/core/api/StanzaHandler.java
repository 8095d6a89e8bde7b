package dev.mucengine.core.api;

import dev.mucengine.core.stanza.Stanza;
import java.time.Instant;

/**
 * The engine as a transport sees it: one inbound stanza in, its {@link Effects} out.
 *
 * <p>A transport hands over every stanza addressed to the service's domain (the service itself,
 * a room, or an occupant), with the instant it arrived. It applies the returned durable changes,
 * then delivers the returned stanzas in list order. The same sequence of inputs always yields the
 * same effects.
 *
 * <p>Implementations are not thread-safe: the caller confines each handler to one thread at a
 * time (or serializes calls), as the implementation's documentation states.
 */
@FunctionalInterface
public interface StanzaHandler {

    /**
     * Handles one stanza. Never throws for bad input: bad input yields the XMPP error reply.
     *
     * @param stanza an inbound stanza whose {@code from} is the sender's full JID, stamped by the
     *     sender's server
     * @param now the time to use for this stanza (history timestamps, idle times)
     * @return the durable changes to apply, then the stanzas to send, in order
     */
    Effects handle(Stanza stanza, Instant now);
}
