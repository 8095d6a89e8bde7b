package dev.mucengine.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code java -jar muc-server.jar serve} in memory on a free loopback port, with its limits
 * raised above what the scenarios need (connections from one address, rooms per user, room
 * creations per minute) and otherwise as shipped, JVM options included unless given.
 */
final class ServeServer implements ServerProcess {

    private static final Pattern SERVING = Pattern.compile("serving .* on [^:]+:(\\d+)");
    private static final String PLENTY = "100000";
    /**
     * Room for the largest scenario (10,000) twice over. The jar sizes its heap for this limit
     * (docs/performance.md, memory settings), as an operator expecting 10,000 clients would set it.
     */
    private static final String CONNECTIONS = "20000";

    private final Process process;
    private final int port;
    private final Path dir;

    private ServeServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /**
     * The kind for {@link Compare}: {@code jar} is muc-server.jar; {@code jvmOptions} and
     * {@code serveOptions} (added after the scenarios' own, such as {@code --engine-threads 1}) may be empty.
     */
    static Kind kind(Path jar, List<String> jvmOptions, List<String> serveOptions) {
        return new Kind() {
            @Override
            public String name() {
                return "serve";
            }

            @Override
            public ServerProcess start(int accounts) throws IOException, InterruptedException {
                return ServeServer.start(jar, jvmOptions, serveOptions, accounts);
            }
        };
    }

    static ServeServer start(Path jar, List<String> jvmOptions, List<String> serveOptions, int accounts)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("load-serve");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < accounts; i++) {
            lines.append('u').append(i).append(':').append(PASSWORD).append('\n');
        }
        Path accountsFile = Files.writeString(dir.resolve("accounts"), lines);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--domain", DOMAIN, "--bind", "127.0.0.1",
                "--port", "0", "--accounts", accountsFile.toString(), "--max-connections", CONNECTIONS,
                "--max-connections-per-address", PLENTY, "--max-unauthenticated", PLENTY, "--rooms-per-user", PLENTY,
                "--room-creations-per-minute", PLENTY));
        command.addAll(serveOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (output.size() < 200) {
                        output.add(line);
                    }
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        listening.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            listening.completeExceptionally(new IOException("serve exited: " + output));
        }, "serve-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServeServer(process, listening.get(300, TimeUnit.SECONDS), dir);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor();
            throw new IOException("serve did not start: " + output, e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long pid() {
        // Without heap options muc-server.jar runs the server in a child JVM (docs/performance.md,
        // "Memory settings of the runnable jar"): that child is the server to measure.
        return process.children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /** The total of a class histogram, which runs a full collection first (jcmd GC.class_histogram). */
    @Override
    public OptionalLong liveHeapBytes() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        long least = Long.MAX_VALUE;
        // The least of three: the JDK frees some softly reachable buffers only after a few collections.
        for (int i = 0; i < 3; i++) {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(out);
            if (!m.find()) {
                return OptionalLong.empty();
            }
            least = Math.min(least, Long.parseLong(m.group(1)));
        }
        return OptionalLong.of(least);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
