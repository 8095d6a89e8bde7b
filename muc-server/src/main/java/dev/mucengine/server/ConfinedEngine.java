package dev.mucengine.server;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * The one way the transports confine the engine. The rooms of a {@link MucService} are
 * partitioned over engine threads ({@link EnginePartition}, one per core by default): a room
 * belongs to the partition its address hashes to ({@link #partitionOf}), only that partition's
 * thread handles stanzas to it or its occupants, so rooms in different partitions run in
 * parallel and each room's outputs stay deterministic. Each partition runs submitted tasks one at
 * a time, in submission order, from its own bounded queue, with its own id source. Everything
 * else only an engine thread touches (the router's queues, one per partition) needs no lock.
 *
 * <ul>
 *   <li>Each connection submits from its one reader thread, keyed by an address that picks the
 *       partition ({@link #submit(Jid, Runnable)}), so one sender's stanzas are handled in the
 *       order they arrived; a stanza for a room of another partition is forwarded there, in order.
 *   <li>Tasks run in batches: every task queued when a batch starts, up to {@value #MAX_BATCH}.
 *       At the end of a batch the listeners (the {@link StanzaRouter}) commit the batch's durable
 *       changes with one {@link #commit} and only then release what acknowledges them: group
 *       commit per partition, so that durability costs one transaction per batch, not per stanza
 *       (docs/architecture.md).
 *   <li>What touches rooms anywhere (the stanzas to the service itself that
 *       {@link MucService#needsAllRooms} names, shutdown) runs {@link #serviceWide}: on partition
 *       0 while every other partition waits between two batches, its outputs committed and
 *       released before they go on. It is rare, so the hot path (stanzas to rooms) takes no
 *       global lock; other stanzas to the service (ping, disco) pause no one.
 *   <li>The queues are bounded: when a partition falls behind, {@link #submit} waits (or
 *       {@link #offer} says {@link Offer#FULL}), the readers stop reading, and TCP pushes back on the senders.
 * </ul>
 *
 * <p>A task that throws an exception is reported to the log; the thread goes on with the next
 * one, so one bad stanza cannot stop the service. An {@link Error} (out of memory, a stack
 * overflow) may have left the engine half way through a change, so it ends the thread, and the
 * process with it ({@link CriticalThreads}).
 */
public final class ConfinedEngine {

    /** The most tasks one batch runs before its changes are committed. */
    static final int MAX_BATCH = 1024;

    /** A waiting submitter re-checks this often whether the engine is stopping meanwhile. */
    private static final long WAIT_SLICE_MILLIS = 200;

    private final MucService service;
    private final RoomStore store;
    private final Clock clock;
    private final Consumer<String> log;
    private final List<EnginePartition> partitions;
    private final ThreadLocal<EnginePartition> current = new ThreadLocal<>();
    private final Object submitLock = new Object();
    private final List<Runnable> batchEndListeners = new CopyOnWriteArrayList<>();
    private volatile boolean accepting = true;

    /** Stands for "the ids the service was built with", for an engine of one thread. */
    private static final IdSource SERVICE_IDS = () -> {
        throw new IllegalStateException("never drawn from");
    };

    /**
     * One engine thread, with the ids the service was built with.
     *
     * @param service the engine; from now on only the engine threads call it
     * @param store the store {@code service} reads from (a {@link MonitoredStore}, so that outages
     *     are logged); the engine threads commit the changes to it
     * @param clock the time each stanza is handled at
     * @param capacity how many tasks may wait before {@link #submit} waits too
     * @param log receives one line (with the stack trace) per task that failed
     */
    public ConfinedEngine(MucService service, RoomStore store, Clock clock, int capacity, Consumer<String> log) {
        this(service, store, clock, capacity, log, 1, p -> SERVICE_IDS);
    }

    /**
     * @param service the engine; from now on only the engine threads call it
     * @param store the store {@code service} reads from; safe for concurrent use, as every
     *     partition commits its own batches to it
     * @param clock the time each stanza is handled at
     * @param capacity how many tasks may wait for each partition before {@link #submit} waits too
     * @param log receives one line (with the stack trace) per task that failed
     * @param threads how many partitions (engine threads), at least 1
     * @param ids each partition's id source, by partition number: ids unique across restarts and
     *     partitions in production ({@link IdSource#unique()} draws a fresh random prefix each time)
     */
    public ConfinedEngine(MucService service, RoomStore store, Clock clock, int capacity, Consumer<String> log,
            int threads, IntFunction<IdSource> ids) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one engine thread, not " + threads);
        }
        this.service = service;
        this.store = store;
        this.clock = clock;
        this.log = log;
        List<EnginePartition> made = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            EnginePartition[] partition = new EnginePartition[1];
            partition[0] = new EnginePartition(i, ids.apply(i), capacity, () -> loop(partition[0]));
            made.add(partition[0]);
        }
        this.partitions = List.copyOf(made);
    }

    /** The default number of engine threads: one per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Starts the engine threads. First, if the service created its secret (the store had none),
     * stores it, so that no partition sends an occupant id (XEP-0421) keyed by a secret that a
     * restart could lose: without this, partition 1 could release occupant ids while the effects
     * that carry the new secret, on partition 0, were still uncommitted.
     *
     * @throws StoreUnavailableException if the secret could not be stored: no thread is started,
     *     and the service reports the secret again with its next effects. A host fails its start,
     *     as when the store cannot be read at all (the service's constructor throws the same).
     */
    public void start() {
        Optional<DurableChange.ServiceSecretCreated> secret = service.takeUnstoredSecret();
        if (secret.isPresent()) {
            try {
                store.apply(List.of(secret.get()));
            } catch (StoreUnavailableException e) {
                service.discardUnstored(List.of(secret.get()));
                throw new StoreUnavailableException("cannot store the new service secret (the key of occupant ids): "
                        + e.getMessage(), e);
            }
        }
        partitions.forEach(p -> p.thread().start());
    }

    /** The MUC service's domain: stanzas to it, its rooms and occupants are the engine's. */
    public DomainBareJid serviceDomain() {
        return service.config().domain();
    }

    /** How many partitions (engine threads) the rooms are spread over. */
    public int partitions() {
        return partitions.size();
    }

    /**
     * The partition of an address: a room, an occupant of it (the room's bare JID counts, in the
     * normalized form the engine compares room JIDs in, so {@code Room@x} and {@code room@x} share
     * one), or any other account. A domain (the service itself, a server) is partition 0.
     */
    public int partitionOf(Jid address) {
        if (partitions.size() == 1) {
            return 0;
        }
        EntityBareJid bare = address.asEntityBareJidIfPossible();
        if (bare == null) {
            return 0;
        }
        int h = bare.toString().hashCode(); // String.hashCode is specified: the same in every run
        return Math.floorMod(h ^ (h >>> 16), partitions.size());
    }

    /**
     * Queues a task for partition 0; waits while its queue is full. Once stopping has begun the
     * task is refused: returns false and never runs it.
     */
    public boolean submit(Runnable task) {
        return submit(0, task);
    }

    /**
     * Queues a task for the partition of {@code address} ({@link #partitionOf}): the room a stanza
     * is for, or the account a connection belongs to. Waits while that queue is full. Once stopping
     * has begun the task is refused: returns false and never runs it.
     */
    public boolean submit(Jid address, Runnable task) {
        return submit(partitionOf(address), task);
    }

    /** What {@link #offer} did with a task. */
    public enum Offer {
        /** The task is queued and will run. */
        QUEUED,
        /** The partition's queue is full: not queued; {@link #whenRoom} tells when to try again. */
        FULL,
        /** Stopping has begun: refused, it will never run. */
        REFUSED
    }

    /**
     * As {@link #submit(Jid, Runnable)} but never waits, for threads that must not block (a
     * selector's): on {@link Offer#FULL} the caller stops reading from its connection (TCP then
     * pushes back on the peer) and tries again after {@link #whenRoom}.
     */
    public Offer offer(Jid address, Runnable task) {
        if (!accepting) {
            return Offer.REFUSED;
        }
        EnginePartition partition = partitions.get(partitionOf(address));
        try {
            if (!partition.tryReserve(0)) {
                return Offer.FULL;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Offer.REFUSED;
        }
        return queue(partition, task) ? Offer.QUEUED : Offer.REFUSED;
    }

    /**
     * Runs {@code callback} once the queue of {@code address}'s partition is at most half full:
     * at once on this thread if it is, else on that engine thread. It must be quick and must not
     * block (wake a selector, say).
     */
    public void whenRoom(Jid address, Runnable callback) {
        if (!accepting) {
            callback.run(); // a waiter learns at once that its tasks are refused
            return;
        }
        partitions.get(partitionOf(address)).whenRoom(callback);
    }

    /** False once stopping has begun: from then on every task is refused. */
    public boolean accepting() {
        return accepting;
    }

    private boolean submit(int index, Runnable task) {
        EnginePartition partition = partitions.get(index);
        try {
            while (accepting) {
                if (partition.tryReserve(WAIT_SLICE_MILLIS)) {
                    return queue(partition, task);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Queues a task whose place is reserved, unless stopping has begun meanwhile. */
    private boolean queue(EnginePartition partition, Runnable task) {
        synchronized (submitLock) {
            if (accepting) {
                partition.add(task);
                return true;
            }
        }
        partition.unreserve();
        return false;
    }

    /**
     * Engine thread only: the partition whose thread this is, or -1 on any other thread.
     */
    int currentPartition() {
        EnginePartition partition = current.get();
        return partition == null ? -1 : partition.index();
    }

    /**
     * Engine thread only: runs {@code task} on partition {@code index} after what is queued there,
     * without waiting for a place (an engine thread must never wait for another one).
     */
    void forward(int index, Runnable task) {
        partitions.get(index).addUnbounded(task);
    }

    /**
     * Runs {@code task} on partition 0 in a batch of its own while every other partition waits
     * between two of its batches, so that the task may touch any room; its batch is committed and
     * released before the others go on. Never waits itself: any thread may call it.
     */
    void serviceWide(Runnable task) {
        partitions.get(0).addUnbounded(ServiceWidePause.around(partitions, task, false));
    }

    /**
     * Refuses further tasks, runs {@code last} service-wide ({@link #serviceWide}) after every
     * task already queued on partition 0, then ends every thread. Waits up to {@code timeout} for
     * that; returns whether all have ended. Only the first call queues its {@code last}; later
     * ones only wait.
     */
    public boolean stopAfter(Runnable last, Duration timeout) throws InterruptedException {
        synchronized (submitLock) {
            if (accepting) {
                accepting = false;
                partitions.get(0).addUnbounded(ServiceWidePause.around(partitions, last, true));
            }
        }
        return awaitStopped(timeout);
    }

    /** Waits up to {@code timeout} for the engine threads to end after {@link #stopAfter}; true if they have. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(1, timeout.toMillis()) * 1_000_000;
        for (EnginePartition p : partitions) {
            p.awaitStopped(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return partitions.stream().allMatch(EnginePartition::hasStopped);
    }

    /**
     * Registers what runs at the end of every batch, on the engine thread of the partition that
     * ran it (the router's commit and release). Call before {@link #start()}.
     */
    public void onBatchEnd(Runnable listener) {
        batchEndListeners.add(listener);
    }

    /**
     * Whether {@code stanza} (to the service's domain) must run {@link #serviceWide}: the engine
     * says so ({@link MucService#needsAllRooms}); any thread.
     */
    boolean needsAllRooms(Stanza stanza) {
        return service.needsAllRooms(stanza);
    }

    /** Engine thread only: hands one stanza to the engine; nothing is applied or sent yet. */
    Effects handle(Stanza stanza) {
        IdSource ids = current.get().ids();
        return ids == SERVICE_IDS ? service.handle(stanza, clock.instant()) : service.handle(stanza, clock.instant(), ids);
    }

    /** Service-wide only: every occupant of every room removed with status 332 (XEP-0045 §11.2). */
    Effects shutdown() {
        return service.shutdown();
    }

    /**
     * Engine thread only: the live state of rooms whose changes could not be committed, dropped;
     * a lost service secret reported again.
     */
    Effects discard(List<DurableChange> lost) {
        return service.discardUnstored(lost);
    }

    /**
     * Engine thread only, once this partition's changes are stored: unloads its empty persistent
     * rooms that lose nothing by it ({@link MucService#unloadIdleRooms}); returns how many.
     */
    int unloadIdleRooms() {
        int partition = currentPartition();
        return service.unloadIdleRooms(room -> partitionOf(room) == partition);
    }

    /**
     * Engine thread only: makes {@code changes} durable in one transaction. Returns false if the
     * store failed (then none of them is durable); the store's monitor has logged it.
     */
    boolean commit(List<DurableChange> changes) {
        if (changes.isEmpty()) {
            return true;
        }
        try {
            store.apply(changes);
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    private void loop(EnginePartition partition) {
        current.set(partition);
        partition.run(batchEndListeners, this::runReportingFailure);
    }

    private void runReportingFailure(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.accept("engine task failed: " + trace);
        }
    }
}
