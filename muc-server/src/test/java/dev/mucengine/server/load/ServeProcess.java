package dev.mucengine.server.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar muc-server.jar serve} as a separate process on a free loopback port, for the
 * load tools and the crash tests: started with the given store options and an accounts file,
 * stopped with SIGTERM or killed with SIGKILL. Its output is kept for failure messages.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving .* on [^:]+:(\\d+)");

    private final Process process;
    private final int port;
    private final List<String> output;

    private ServeProcess(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts {@code serve --domain localhost --port 0 --accounts ACCOUNTS} plus {@code storeArgs}
     * and waits until it listens.
     *
     * @param jar muc-server.jar
     * @param accounts a file of {@code NAME:PASSWORD} lines
     * @param storeArgs {@code --data DIR}, {@code --database URL}, or nothing (in memory); any
     *     further {@code serve} options (limits) may follow
     * @param jvmArgs extra JVM options (heap size)
     */
    public static ServeProcess start(Path jar, Path accounts, List<String> storeArgs, List<String> jvmArgs)
            throws IOException, InterruptedException {
        return start(jar, accounts, storeArgs, jvmArgs, Map.of());
    }

    /** As {@link #start(Path, Path, List, List)}, with more environment variables (PGUSER, PGPASSWORD). */
    public static ServeProcess start(Path jar, Path accounts, List<String> storeArgs, List<String> jvmArgs,
            Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--domain", "localhost", "--port", "0",
                "--accounts", accounts.toString()));
        command.addAll(storeArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.completeExceptionally(new IOException("serve exited before listening: " + output));
        }, "serve-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServeProcess(process, port.get(60, TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IOException("serve did not start: " + output, e);
        }
    }

    /** Writes {@code prefix0..prefix(n-1)} with {@code password}, one per line, and returns the file. */
    public static Path accounts(Path dir, String prefix, int n, String password) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append(prefix).append(i).append(':').append(password).append('\n');
        }
        return Files.writeString(dir.resolve("accounts"), lines);
    }

    public int port() {
        return port;
    }

    /** The process id, for the JDK's tools (jcmd). */
    public long pid() {
        return process.pid();
    }

    /** Everything the process printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code seconds} for the process to end by itself; its exit code if it did. */
    public OptionalInt awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. Waits for the process to end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a clean shutdown. Waits for the process to end; returns its exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
