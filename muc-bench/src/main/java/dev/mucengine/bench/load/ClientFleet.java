package dev.mucengine.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The load generator's clients against one server: a few {@link SelectorLoop}s, the connections
 * spread over them, logged in with a bounded number of logins in progress at once.
 */
final class ClientFleet implements AutoCloseable {

    private final InetSocketAddress address;
    private final List<SelectorLoop> loops = new ArrayList<>();
    private final List<BenchClient> clients = new ArrayList<>();

    ClientFleet(int port, int loopCount) {
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (int i = 0; i < loopCount; i++) {
            loops.add(new SelectorLoop("load-loop-" + i));
        }
    }

    /**
     * Logs in users {@code u<first>} to {@code u<first+count-1>}, at most {@code concurrent} at a
     * time, and returns them in order; fails if any login fails or all take longer than {@code timeoutSeconds}.
     */
    List<BenchClient> logIn(int first, int count, int concurrent, int timeoutSeconds)
            throws IOException, InterruptedException {
        Semaphore inProgress = new Semaphore(concurrent);
        List<BenchClient> made = new ArrayList<>(count);
        List<CompletableFuture<XmppConnection>> logins = new ArrayList<>(count);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int i = 0; i < count; i++) {
            if (!inProgress.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("logins did not finish in " + timeoutSeconds + " s");
            }
            BenchClient client = new BenchClient();
            SelectorLoop loop = loops.get((clients.size() + i) % loops.size());
            XmppConnection c = new XmppConnection(loop, address, ServerProcess.DOMAIN, "u" + (first + i),
                    ServerProcess.PASSWORD, client);
            client.attach(c);
            CompletableFuture<XmppConnection> login = c.logIn();
            login.whenComplete((ok, failed) -> inProgress.release());
            made.add(client);
            logins.add(login);
        }
        await(logins, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())), "logins");
        clients.addAll(made);
        return made;
    }

    List<SelectorLoop> loops() {
        return loops;
    }

    /** Latencies recorded on every loop since the last call, merged. */
    Samples takeLatencies() throws IOException, InterruptedException {
        Samples all = new Samples();
        for (SelectorLoop loop : loops) {
            all.addAll(get(loop.takeLatencies(), 30));
        }
        return all;
    }

    /** Waits for every future; fails with the first failure, or when they take longer than {@code seconds}. */
    static void await(List<? extends CompletableFuture<?>> futures, long seconds, String what)
            throws IOException, InterruptedException {
        get(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), seconds, what);
    }

    static <T> T get(CompletableFuture<T> future, long seconds) throws IOException, InterruptedException {
        return get(future, seconds, "the load generator's work");
    }

    private static <T> T get(CompletableFuture<T> future, long seconds, String what)
            throws IOException, InterruptedException {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(what + " did not finish in " + seconds + " s", e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (SelectorLoop loop : loops) {
            loop.close();
        }
    }
}
