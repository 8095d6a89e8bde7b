package dev.mucengine.server.c2s;

import dev.mucengine.server.CriticalThreads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code c2s-selector-N} thread: it owns the client connections given to it, and does all
 * their work: reads, stream parsing, negotiation, writes, and their timers. Other threads (the
 * engine, the acceptor, shutdown) never touch a connection's state; they hand it work with
 * {@link #execute}, which wakes the selector. So a connection needs no locks, and the server
 * needs a thread per core instead of two per connection.
 *
 * <p>Time: every tick (a fraction of the shortest timeout, at most a second) the loop asks each
 * of its connections whether it has been quiet too long ({@link Liveness}); {@link #schedule}
 * runs one task later (an authentication attempt slowed down by {@link AuthThrottle}).
 *
 * <p>A task or a connection that fails (a bug, out of memory) costs that connection only; the
 * loop goes on. Should the thread die all the same, the process exits ({@link CriticalThreads}).
 */
final class SelectorLoop {

    /** Read buffer shared by the loop's connections: bytes left unconsumed move to the connection. */
    private static final int READ_BUFFER = 16 * 1024;

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
    private final Set<ClientConnection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private long timedOrder;
    private long nextTick;
    private volatile boolean stopped;

    SelectorLoop(int index, long tickMillis) throws IOException {
        this.selector = Selector.open();
        this.tickNanos = tickMillis * 1_000_000L;
        this.thread = new Thread(this::run, "c2s-selector-" + index);
        thread.setDaemon(true);
        CriticalThreads.guard(thread);
    }

    void start() {
        nextTick = System.nanoTime() + tickNanos;
        thread.start();
    }

    /** Ends the thread, which closes the connections it still owns. */
    void stop() {
        stopped = true;
        selector.wakeup();
    }

    /** Whether the caller is this loop's thread. */
    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop's thread, soon; from any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Loop thread only: runs {@code task} on the loop's thread once {@code delayNanos} have passed. */
    void schedule(long delayNanos, Runnable task) {
        timed.add(new Timed(System.nanoTime() + delayNanos, timedOrder++, task));
    }

    /** Loop thread only: the buffer reads go through; empty (cleared) when lent. */
    ByteBuffer readBuffer() {
        return readBuffer.clear();
    }

    /** Any thread: the loop takes over the channel and the connection. */
    void adopt(SocketChannel channel, ClientConnection connection) {
        execute(() -> {
            try {
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
                connections.add(connection);
                connection.attached(key);
            } catch (IOException | RuntimeException e) {
                connection.failed();
            }
        });
    }

    /** Loop thread only: the connection is closed and forgotten. */
    void forget(ClientConnection connection) {
        connections.remove(connection);
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
                // the next round tries again; a connection's own failures never get here
            }
        }
        for (ClientConnection c : List.copyOf(connections)) {
            runGuarded(c::failed); // stopped: what the loop still owns is closed, not left open
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
        ClientConnection connection = (ClientConnection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                connection.writable();
            }
            if (key.isValid() && key.isReadable()) {
                connection.readable();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            connection.failed(); // this connection's trouble, not the others'
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException | OutOfMemoryError e) {
                // the task's connection is the one to suffer; it is closed by its own checks
            }
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
            for (ClientConnection c : List.copyOf(connections)) {
                runGuarded(() -> c.checkLiveness(now));
            }
        }
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            // one connection's trouble
        }
    }
}
