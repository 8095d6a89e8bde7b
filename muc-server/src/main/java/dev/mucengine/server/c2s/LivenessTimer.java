package dev.mucengine.server.c2s;

import dev.mucengine.server.CriticalThreads;
import java.time.Duration;

/**
 * The {@code c2s-timer} thread: a few times per shortest timeout (at most once a second), asks
 * every connection whether it has been quiet too long ({@link ClientConnection#checkLiveness}).
 * One connection's failure is its own; the thread goes on.
 */
final class LivenessTimer {

    private final ServerContext context;
    private final long tickMillis;
    private final Thread thread;
    private volatile boolean stopped;

    LivenessTimer(ServerContext context) {
        this.context = context;
        ServeLimits l = context.limits();
        Duration shortest = l.authTimeout();
        for (Duration d : new Duration[] {l.idleTimeout(), l.pingTimeout()}) {
            shortest = d.compareTo(shortest) < 0 ? d : shortest;
        }
        this.tickMillis = Math.max(10, Math.min(1000, shortest.toMillis() / 4));
        this.thread = new Thread(this::run, "c2s-timer");
        thread.setDaemon(true);
        CriticalThreads.guard(thread);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        while (!stopped) {
            try {
                Thread.sleep(tickMillis);
                long now = System.nanoTime();
                for (ClientConnection c : context.connections()) {
                    check(c, now);
                }
            } catch (InterruptedException e) {
                return; // stopped
            } catch (RuntimeException | OutOfMemoryError e) {
                // the next tick tries again
            }
        }
    }

    private static void check(ClientConnection c, long now) {
        try {
            c.checkLiveness(now);
        } catch (RuntimeException | OutOfMemoryError e) {
            // this connection's trouble, not the others'
        }
    }
}
