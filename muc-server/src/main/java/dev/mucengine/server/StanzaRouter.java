package dev.mucengine.server;

import dev.mucengine.core.stanza.Stanza;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one router of the engine's traffic, for both transports: a stanza for the MUC service goes
 * to the engine, any other stanza to the transport's {@link Destination} (the server, over a
 * component link; local users and the server itself, in {@code serve}). What either causes (the
 * engine's outputs, a bounce of an undeliverable stanza) is routed in turn. Engine thread only.
 *
 * <p>Routing is first in, first out: every stanza is routed after those routed before it. So the
 * outputs of one input all reach their destination before anything they cause (such as an error
 * bounced back into the engine, XEP-0045 §11.1) is handled: the outputs of one input come before
 * the next input's. A stanza more than {@value #MAX_HOPS} steps down such a chain is dropped,
 * which ends any loop of errors.
 */
public final class StanzaRouter {

    /** Where the stanzas go that are not for the MUC service. */
    @FunctionalInterface
    public interface Destination {

        /**
         * Delivers one stanza (engine thread). Returns the stanzas delivering it caused, such as
         * an error reply when nobody can receive it; they are routed in turn.
         */
        List<Stanza> deliver(Stanza stanza);
    }

    /** A stanza bounced more often than this is looping between error replies; drop it. */
    static final int MAX_HOPS = 16;

    private record Pending(Stanza stanza, boolean forService, int hops) {
    }

    private final ConfinedEngine engine;
    private final Destination destination;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean routing;

    public StanzaRouter(ConfinedEngine engine, Destination destination) {
        this.engine = engine;
        this.destination = destination;
    }

    /** Routes a stanza whose {@code from} is trustworthy (stamped by the server), by its {@code to}. */
    public void route(Stanza stanza) {
        pending.add(new Pending(stanza, isForService(stanza), 0));
        drain();
    }

    /**
     * Hands a stanza to the engine whatever its {@code to}: the component's server has already
     * routed it here (and the engine ignores what is not for its domain).
     */
    public void toService(Stanza stanza) {
        pending.add(new Pending(stanza, true, 0));
        drain();
    }

    /**
     * The engine's shutdown presences (status 332, XEP-0045 §11.2), routed like any output, with
     * what they cause; returns how many there were.
     */
    public int shutdown() {
        List<Stanza> presences = engine.shutdown();
        presences.forEach(p -> pending.add(new Pending(p, isForService(p), 1)));
        drain();
        return presences.size();
    }

    private void drain() {
        if (routing) {
            return; // routed from inside a delivery: queued; the loop below gets to it
        }
        routing = true;
        try {
            for (Pending p = pending.poll(); p != null; p = pending.poll()) {
                if (p.hops() > MAX_HOPS) {
                    continue;
                }
                List<Stanza> caused = p.forService() ? engine.handle(p.stanza()) : destination.deliver(p.stanza());
                for (Stanza s : caused) {
                    pending.add(new Pending(s, isForService(s), p.hops() + 1));
                }
            }
        } finally {
            routing = false;
            pending.clear(); // after a failure: the rest belonged to the failed task
        }
    }

    private boolean isForService(Stanza stanza) {
        return stanza.to().map(to -> to.asDomainBareJid().equals(engine.serviceDomain())).orElse(false);
    }
}
