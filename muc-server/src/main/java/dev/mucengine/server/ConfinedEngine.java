package dev.mucengine.server;

import dev.mucengine.core.api.Effects;
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
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jxmpp.jid.DomainBareJid;

/**
 * The one way the transports confine the engine: a {@link MucService}, which is not thread-safe,
 * and its {@link RoomStore} belong to one thread, which runs submitted tasks one at a time, in
 * submission order, from a bounded queue. Everything else that only the engine thread touches
 * (the router's queue, serve's session table) needs no lock either.
 *
 * <ul>
 *   <li>Each connection submits from one thread (its selector thread), in order, so one sender's stanzas are handled
 *       in the order they arrived.
 *   <li>Tasks run in batches: every task queued when a batch starts, up to {@value #MAX_BATCH}.
 *       At the end of a batch the listeners (the {@link StanzaRouter}) commit the batch's durable
 *       changes with one {@link #commit} and only then release what acknowledges them: group
 *       commit, so that durability costs one transaction per batch, not per stanza
 *       (docs/architecture.md).
 *   <li>The queue is bounded: when the engine falls behind, {@link #submit} waits, and
 *       {@link #offer} says {@link Offer#FULL}; either way the connection stops reading, and TCP
 *       pushes back on the senders.
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

    /** The last task; it runs without taking a place in the queue, so stopping never waits for room. */
    private record Stop(Runnable last) implements Runnable {
        @Override
        public void run() {
            last.run();
        }
    }

    private final MucService service;
    private final RoomStore store;
    private final Clock clock;
    private final Consumer<String> log;
    private final Semaphore places;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Runnable> batchEndListeners = new ArrayList<>();
    private final Queue<Runnable> roomWaiters = new ConcurrentLinkedQueue<>();
    private volatile boolean accepting = true;

    /**
     * @param service the engine; from now on only the engine thread calls it
     * @param store the store {@code service} reads from (a {@link MonitoredStore}, so that outages
     *     are logged); the engine thread commits the changes to it
     * @param clock the time each stanza is handled at
     * @param capacity how many tasks may wait before {@link #submit} waits too
     * @param log receives one line (with the stack trace) per task that failed
     */
    public ConfinedEngine(MucService service, RoomStore store, Clock clock, int capacity, Consumer<String> log) {
        this.service = service;
        this.store = store;
        this.clock = clock;
        this.log = log;
        this.places = new Semaphore(capacity);
        this.thread = new Thread(this::run, "muc-engine");
        thread.setDaemon(true);
        CriticalThreads.guard(thread);
    }

    public void start() {
        thread.start();
    }

    /** The MUC service's domain: stanzas to it, its rooms and occupants are the engine's. */
    public DomainBareJid serviceDomain() {
        return service.config().domain();
    }

    /**
     * Queues a task for the engine thread; waits while the queue is full (the component link's
     * reader; c2s selector threads {@link #offer} instead). Once stopping has begun
     * the task is refused: returns false and never runs it.
     */
    public boolean submit(Runnable task) {
        try {
            while (accepting) {
                if (places.tryAcquire(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                    synchronized (submitLock) {
                        if (accepting) {
                            tasks.add(task);
                            return true;
                        }
                    }
                    places.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** What {@link #offer} did with a task. */
    public enum Offer {
        /** The task is queued and will run. */
        QUEUED,
        /** The queue is full: the task was not queued; {@link #whenRoom} tells when to try again. */
        FULL,
        /** The engine is stopping: the task was refused and will never run. */
        REFUSED
    }

    /**
     * Queues a task for the engine thread if there is room, without waiting: for selector
     * threads, which must never block. On {@link Offer#FULL} the caller stops reading from its
     * connection (TCP then pushes back on the peer) and tries again after {@link #whenRoom}.
     */
    public Offer offer(Runnable task) {
        if (!accepting) {
            return Offer.REFUSED;
        }
        if (!places.tryAcquire()) {
            return Offer.FULL;
        }
        synchronized (submitLock) {
            if (accepting) {
                tasks.add(task);
                return Offer.QUEUED;
            }
        }
        places.release();
        return Offer.REFUSED;
    }

    /**
     * Runs {@code callback} once, as soon as the queue has room again (at the end of the engine's
     * current batch, or at once if it has room now), on the engine thread or the caller's. The
     * callback must be quick and must not block: it hands work to another thread.
     */
    public void whenRoom(Runnable callback) {
        roomWaiters.add(callback);
        if (places.availablePermits() > 0 || !accepting) {
            callRoomWaiters(); // room came (or stopping began) before the engine could see this waiter
        }
    }

    /**
     * Refuses further tasks, runs {@code last} on the engine thread after every task already
     * queued, then ends the thread. Waits up to {@code timeout} for that; returns whether the
     * thread has ended. Only the first call queues its {@code last}; later ones only wait.
     */
    public boolean stopAfter(Runnable last, Duration timeout) throws InterruptedException {
        synchronized (submitLock) {
            if (accepting) {
                accepting = false;
                tasks.add(new Stop(last));
            }
        }
        return awaitStopped(timeout);
    }

    /** Waits up to {@code timeout} for the engine thread to end after {@link #stopAfter}; true if it has. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * Registers what runs at the end of every batch, on the engine thread (the router's commit
     * and release). Call before {@link #start()}.
     */
    public void onBatchEnd(Runnable listener) {
        batchEndListeners.add(listener);
    }

    /** Engine thread only: hands one stanza to the engine; nothing is applied or sent yet. */
    Effects handle(Stanza stanza) {
        return service.handle(stanza, clock.instant());
    }

    /** Engine thread only: every occupant of every room removed with status 332 (XEP-0045 §11.2). */
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

    private void run() {
        try {
            boolean stopping = false;
            while (!stopping) {
                Runnable task = tasks.take();
                int ran = 0;
                while (task != null) {
                    if (task instanceof Stop) {
                        stopping = true;
                    } else {
                        places.release();
                    }
                    runReportingFailure(task);
                    task = stopping || ++ran == MAX_BATCH ? null : tasks.poll();
                }
                batchEndListeners.forEach(this::runReportingFailure);
                callRoomWaiters();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            callRoomWaiters(); // they learn that the engine refuses from now on
        }
    }

    private void callRoomWaiters() {
        Runnable waiter;
        while ((waiter = roomWaiters.poll()) != null) {
            runReportingFailure(waiter);
        }
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
