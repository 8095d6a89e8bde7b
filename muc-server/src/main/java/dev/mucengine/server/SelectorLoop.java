package dev.mucengine.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread: it owns the channels registered with it (client connections, the
 * listening socket, the component link) and does all their work through their {@link Handler}s:
 * reads, stream parsing, writes, and their timers. Other threads (the engine, shutdown) never
 * touch a handler's state; they hand it work with {@link #execute}, which wakes the selector. So
 * a connection needs no locks, and a transport needs a few threads instead of two per connection.
 *
 * <p>Time: every tick (a fraction of the shortest timeout, at most a second) the loop calls each
 * handler's {@link Handler#tick}; {@link #schedule} runs one task later (an authentication
 * attempt slowed down, a reconnection after a backoff).
 *
 * <p>A task or a handler that fails (a bug, out of memory) costs that handler only; the loop goes
 * on. Should the thread die all the same, the process exits ({@link CriticalThreads}).
 */
public final class SelectorLoop {

    /** What the loop calls for one registered channel; on the loop's thread only. */
    public interface Handler {

        /** The channel is registered with the loop's selector under {@code key}. */
        void attached(SelectionKey key);

        /** The selector reports the channel ready for some of its interest set ({@code key.readyOps()}). */
        void ready(SelectionKey key);

        /** The loop's tick, at {@code now} ({@link System#nanoTime()}): time to check timeouts. */
        default void tick(long now) {
        }

        /**
         * Something failed while handling this channel (a bug, out of memory), or the loop stops:
         * the handler closes its channel and gives back what it holds.
         */
        void failed();
    }

    /** Read buffer shared by the loop's handlers: bytes left unconsumed move to the handler. */
    private static final int READ_BUFFER = 16 * 1024;
    /** Write buffer shared by the loop's handlers: the most one write system call sends. */
    private static final int WRITE_BUFFER = 64 * 1024;

    private record Timed(long due, long order, Runnable task) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            int c = Long.compare(due - o.due, 0);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final long tickNanos;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Timed> timed = new PriorityQueue<>();
    private final Set<Handler> handlers = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER);
    private long timedOrder;
    private long nextTick;
    private volatile boolean stopped;

    /**
     * @param threadName the loop thread's name ({@code c2s-selector-0}, {@code component-selector})
     * @param tickMillis how often {@link Handler#tick} runs
     */
    public SelectorLoop(String threadName, long tickMillis) throws IOException {
        this.selector = Selector.open();
        this.tickNanos = tickMillis * 1_000_000L;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        CriticalThreads.guard(thread);
    }

    public void start() {
        nextTick = System.nanoTime() + tickNanos;
        thread.start();
    }

    /**
     * Gives back the selector of a loop that will never start, as when the host's start failed
     * after the loop was made; a started loop closes its selector itself when it stops.
     */
    public void discardUnstarted() {
        if (thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException("the loop was started: stop it instead");
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing registered with it yet, nothing to lose
        }
    }

    /** Ends the thread, which first tells the handlers it still owns that they failed (they close). */
    public void stop() {
        stopped = true;
        selector.wakeup();
    }

    /** Waits until the thread has ended, after {@link #stop}; at once when called on the loop's thread. */
    public void awaitStopped() throws InterruptedException {
        if (!inLoop()) {
            thread.join();
        }
    }

    /** Whether the caller is this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop's thread, soon; from any thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Loop thread only: runs {@code task} on the loop's thread once {@code delayNanos} have passed. */
    public void schedule(long delayNanos, Runnable task) {
        timed.add(new Timed(System.nanoTime() + delayNanos, timedOrder++, task));
    }

    /** Loop thread only: the buffer reads go through; empty (cleared) when lent. */
    public ByteBuffer readBuffer() {
        return readBuffer.clear();
    }

    /**
     * Loop thread only: the buffer writes go through ({@link ChannelOutput#write}), so that the
     * JDK does not copy heap buffers into direct buffers of its own; nothing is kept in it
     * between calls.
     */
    public ByteBuffer writeBuffer() {
        return writeBuffer;
    }

    /**
     * Any thread: the loop takes over the channel (non-blocking) and its handler, interested in
     * {@code ops} ({@link SelectionKey#OP_READ}...); a channel that cannot be registered fails its handler.
     */
    public void register(SelectableChannel channel, int ops, Handler handler) {
        execute(() -> {
            try {
                SelectionKey key = channel.register(selector, ops, handler);
                handlers.add(handler);
                handler.attached(key);
            } catch (IOException | RuntimeException e) {
                handler.failed();
            }
        });
    }

    /** Loop thread only: the handler's channel is closed; the loop forgets it. */
    public void forget(Handler handler) {
        handlers.remove(handler);
    }

    private void run() {
        while (!stopped) {
            try {
                if (tasks.isEmpty()) {
                    selector.select(this::ready, timeoutMillis());
                } else {
                    selector.selectNow(this::ready); // work queued meanwhile: only look at what is ready
                }
                wakeupPending.set(false);
                runTasks();
                runTimed();
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // the next round tries again; a handler's own failures never get here
            }
        }
        for (Handler h : List.copyOf(handlers)) {
            runGuarded(h::failed); // stopped: what the loop still owns is closed, not left open
        }
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private long timeoutMillis() {
        long due = nextTick;
        Timed first = timed.peek();
        if (first != null && first.due() - due < 0) {
            due = first.due();
        }
        return Math.max(1, (due - System.nanoTime()) / 1_000_000L + 1);
    }

    private void ready(SelectionKey key) {
        Handler handler = (Handler) key.attachment();
        try {
            if (key.isValid()) {
                handler.ready(key);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            runGuarded(handler::failed); // this handler's trouble, not the others'
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runGuarded(task); // the task's handler is the one to suffer; it is closed by its own checks
        }
    }

    private void runTimed() {
        long now = System.nanoTime();
        List<Runnable> due = new ArrayList<>();
        while (!timed.isEmpty() && timed.peek().due() - now <= 0) {
            due.add(timed.poll().task());
        }
        due.forEach(SelectorLoop::runGuarded);
        if (now - nextTick >= 0) {
            nextTick = now + tickNanos;
            for (Handler h : List.copyOf(handlers)) {
                runGuarded(() -> h.tick(now));
            }
        }
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            // one handler's trouble
        }
    }
}
