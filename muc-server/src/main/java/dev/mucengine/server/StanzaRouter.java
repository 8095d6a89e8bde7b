package dev.mucengine.server;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.store.DurableChange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * The one router of the engine's traffic, for both transports: a stanza for the MUC service goes
 * to the engine, any other stanza to the transport's {@link Destination} (the server, over a
 * component link; local users and the server itself, in {@code serve}). What either causes (the
 * engine's outputs, a bounce of an undeliverable stanza) is routed in turn. Engine thread only.
 *
 * <p><b>Nothing unstored is acknowledged.</b> The engine's outputs are held until the end of the
 * {@link ConfinedEngine}'s batch; then the durable changes of every input in the batch are
 * committed in one transaction, and only then are the outputs released, in order. If the commit
 * fails, each input that changed durable state gets {@code resource-constraint} instead of its
 * outputs, and the rooms it changed are discarded from memory (their occupants get status 332
 * and the rooms are read again from the store), so that no room goes on from a state that was
 * never stored. Inputs that changed nothing durable are released as usual. Once every change of
 * the batch is stored, the partition's idle rooms are unloaded ({@link ConfinedEngine#unloadIdleRooms}):
 * not before, or a later stanza of the batch would read an emptied room back from a store that
 * lacks the batch's changes; not after a failed commit, whose rooms start again from the store.
 *
 * <p>Routing is first in, first out: every stanza is routed after those routed before it, and a
 * batch's outputs are released in the order of its inputs. A stanza more than {@value #MAX_HOPS}
 * steps down a chain of causes (an error bounced back into the engine, XEP-0045 §11.1, and what
 * that causes) is dropped, which ends any loop of errors.
 *
 * <p><b>Partitions.</b> Each of the engine's partitions has its own queue and its own held
 * turns here, touched only by its thread, and commits its own batches. A stanza for a room (or an
 * occupant) of another partition is forwarded to that partition, after what was routed there
 * before it, so one sender's stanzas to one room stay in order. A stanza to the service itself
 * that touches rooms anywhere (an administrator's destroy command, as the engine says:
 * {@link ConfinedEngine#needsAllRooms}) runs service-wide ({@link ConfinedEngine#serviceWide});
 * any other (ping, disco, unique names) is handled where it is, pausing no one.
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

    private static final StanzaError NOT_STORED = StanzaError.of(Condition.RESOURCE_CONSTRAINT)
            .withText("The room store is unavailable, so this was not done; try again later");

    /** A stanza to route; {@code here} once it has reached the partition that handles it. */
    private record Pending(Stanza stanza, boolean forService, int hops, boolean here) {

        Pending(Stanza stanza, boolean forService, int hops) {
            this(stanza, forService, hops, false);
        }
    }

    /** One partition's routing state. */
    private static final class Lane {
        final Deque<Pending> pending = new ArrayDeque<>();
        final List<Turn> held = new ArrayList<>();
        boolean routing;
    }

    /** One input the engine handled in this batch (none for shutdown), with its effects, held until the commit. */
    private record Turn(Optional<Stanza> input, Effects effects, int hops) {
    }

    private final ConfinedEngine engine;
    private final Destination destination;
    private final Lane[] lanes;

    public StanzaRouter(ConfinedEngine engine, Destination destination) {
        this.engine = engine;
        this.destination = destination;
        this.lanes = new Lane[engine.partitions()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
        engine.onBatchEnd(() -> commit(lane()));
    }

    /**
     * Routes a stanza whose {@code from} is trustworthy (stamped by the server), by its {@code to}.
     * Engine thread only, any partition.
     */
    public void route(Stanza stanza) {
        Lane lane = lane();
        lane.pending.add(new Pending(stanza, isForService(stanza), 0));
        drain(lane);
    }

    /**
     * Hands a stanza to the engine whatever its {@code to}: the component's server has already
     * routed it here (and the engine ignores what is not for its domain). Engine thread only.
     */
    public void toService(Stanza stanza) {
        Lane lane = lane();
        lane.pending.add(new Pending(stanza, true, 0));
        drain(lane);
    }

    /**
     * The engine's shutdown presences (status 332, XEP-0045 §11.2), released with the rest of the
     * batch; returns how many there were. Service-wide only (as the last task of
     * {@link ConfinedEngine#stopAfter}).
     */
    public int shutdown() {
        Effects effects = engine.shutdown();
        lane().held.add(new Turn(Optional.empty(), effects, 0));
        return effects.stanzas().size();
    }

    private Lane lane() {
        int index = engine.currentPartition();
        if (index < 0) {
            throw new IllegalStateException("the router runs on the engine's threads only");
        }
        return lanes[index];
    }

    private void drain(Lane lane) {
        if (lane.routing) {
            return; // routed from inside a delivery: queued; the loop below gets to it
        }
        lane.routing = true;
        Deque<Pending> pending = lane.pending;
        try {
            for (Pending p = pending.poll(); p != null; p = pending.poll()) {
                if (p.hops() > MAX_HOPS) {
                    continue;
                }
                if (p.forService() && !p.here() && forwarded(p)) {
                    continue;
                }
                if (p.forService()) {
                    lane.held.add(new Turn(Optional.of(p.stanza()), engine.handle(p.stanza()), p.hops()));
                } else {
                    for (Stanza s : destination.deliver(p.stanza())) {
                        pending.add(new Pending(s, isForService(s), p.hops() + 1));
                    }
                }
            }
        } finally {
            lane.routing = false;
            pending.clear(); // after a failure: the rest belonged to the failed task
        }
    }

    /**
     * Sends a stanza for the service on to the partition that handles it, unless that is this
     * one; returns whether it did. Stanzas to the service itself are handled here, unless they
     * need every room held still: those run service-wide.
     */
    private boolean forwarded(Pending p) {
        if (engine.partitions() == 1) {
            return false;
        }
        Jid to = p.stanza().to().orElse(null);
        if (to == null || !to.asDomainBareJid().equals(engine.serviceDomain())) {
            return false; // not the engine's: it drops it wherever it is
        }
        Pending arrived = new Pending(p.stanza(), true, p.hops(), true);
        if (!to.hasLocalpart()) {
            if (!engine.needsAllRooms(p.stanza())) {
                return false;
            }
            engine.serviceWide(() -> arrive(arrived));
            return true;
        }
        int owner = engine.partitionOf(to);
        if (owner == engine.currentPartition()) {
            return false;
        }
        engine.forward(owner, () -> arrive(arrived));
        return true;
    }

    private void arrive(Pending p) {
        Lane lane = lane();
        lane.pending.add(p);
        drain(lane);
    }

    /**
     * End of a batch: commits the held turns' changes at once, then releases their outputs (or,
     * if the commit failed, refuses the turns that changed durable state). Releasing may cause
     * more turns (bounces the engine handles); they are committed and released in turn.
     */
    private void commit(Lane lane) {
        List<Turn> held = lane.held;
        Deque<Pending> pending = lane.pending;
        boolean allStored = true;
        while (!held.isEmpty()) {
            List<Turn> turns = List.copyOf(held);
            held.clear();
            List<DurableChange> changes = new ArrayList<>();
            turns.forEach(t -> changes.addAll(t.effects().changes()));
            boolean committed = engine.commit(changes);
            allStored &= committed;
            List<DurableChange> lost = new ArrayList<>();
            for (Turn turn : turns) {
                if (committed || turn.effects().changes().isEmpty()) {
                    for (Stanza s : turn.effects().stanzas()) {
                        pending.add(new Pending(s, isForService(s), turn.hops() + 1));
                    }
                } else {
                    lost.addAll(turn.effects().changes()); // rooms to start again; perhaps the secret
                    refuse(turn, pending);
                }
            }
            if (!lost.isEmpty()) {
                engine.discard(lost).stanzas().forEach(s -> pending.add(new Pending(s, isForService(s), 1)));
            }
            drain(lane);
        }
        if (allStored) {
            engine.unloadIdleRooms();
        }
    }

    /** The input of a turn whose changes were not stored gets an error instead of its outputs. */
    private void refuse(Turn turn, Deque<Pending> pending) {
        if (turn.input().isEmpty()) {
            return;
        }
        Stanza input = turn.input().get();
        if (input.isError() || input instanceof Iq iq && !iq.type().isRequest()) {
            return; // never answer an error or a result (RFC 6120 §8.3.1)
        }
        Stanza reply = input.errorReply(NOT_STORED);
        pending.add(new Pending(reply, isForService(reply), turn.hops() + 1));
    }

    private boolean isForService(Stanza stanza) {
        return stanza.to().map(to -> to.asDomainBareJid().equals(engine.serviceDomain())).orElse(false);
    }
}
