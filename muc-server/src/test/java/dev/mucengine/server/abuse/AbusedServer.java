package dev.mucengine.server.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.load.ServeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code muc-server.jar serve} as a separate JVM on a 256 MB heap, with accounts for every probe,
 * and the rule every abuse test follows: the probe runs beside a {@link HealthyClient}, which
 * must lose nothing and go on afterwards, and the server must neither run out of memory nor
 * stop.
 */
final class AbusedServer implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("muc.server.jar", "target/muc-server.jar"));
    static final String HEAP = "-Xmx256m";
    static final String PASSWORD = "pw";
    /** The accounts besides the healthy client's, each with {@link #PASSWORD}. */
    private static final List<String> USERS = List.of("victim", "sender", "ghost", "watcher", "quiet", "answerer",
            "trickler", "rude", "hoarder", "keeper", "strict", "creator", "owner", "stranger", "bob");
    /** A guard against hanging the build, not a timing assertion. */
    private static final long GUARD_SECONDS = 60;

    /** What a test does to the server while the healthy client runs. */
    @FunctionalInterface
    interface Probe {
        void run() throws Exception;
    }

    private final ServeProcess process;

    private AbusedServer(ServeProcess process) {
        this.process = process;
    }

    /** Starts {@code serve} with these options besides the accounts. */
    static AbusedServer start(Path dir, String... options) throws IOException, InterruptedException {
        StringBuilder accounts = new StringBuilder(HealthyClient.USER + ":" + HealthyClient.PASSWORD + "\n");
        USERS.forEach(u -> accounts.append(u).append(':').append(PASSWORD).append('\n'));
        Path file = Files.writeString(dir.resolve("accounts"), accounts);
        return new AbusedServer(ServeProcess.start(JAR, file, List.of(options), List.of(HEAP)));
    }

    int port() {
        return process.port();
    }

    /**
     * Runs {@code probe} beside a healthy client; afterwards the client must complete two more
     * rounds having lost nothing, and the server must be running without having run out of memory.
     */
    void probe(Probe probe) throws Exception {
        try (HealthyClient healthy = HealthyClient.start(port())) {
            probe.run();
            assertThat(healthy.failuresAfterTwoMoreRounds()).as("what the healthy client lost").isEmpty();
            assertThat(healthy.rounds()).as("the healthy client's rounds").isPositive();
        }
        assertThat(process.isAlive()).as("the server runs").isTrue();
        assertThat(process.output()).as("the server's output").noneMatch(l -> l.contains("OutOfMemoryError"));
    }

    /** Logs in from {@code from}, retrying while the server refuses; true once a login succeeded. */
    boolean logsInEventually(String from, String user) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (System.nanoTime() < deadline) {
            try (ProbeClient c = ProbeClient.loggedIn(from, port(), user, PASSWORD, "again")) {
                c.send("<iq type='get' to='localhost' id='alive'><ping xmlns='urn:xmpp:ping'/></iq>");
                Element answer = c.next(e -> e.attribute("id").filter("alive"::equals).isPresent());
                return answer.attribute("type").filter("result"::equals).isPresent();
            } catch (IOException refusedOrEnded) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    /**
     * The documented health check, {@code muc-server.jar check}, as a supervisor runs it: a
     * separate process that logs in as the healthy client's account. Returns its exit code.
     */
    int healthCheck() throws IOException, InterruptedException {
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "check", "--port", String.valueOf(port()), "--domain", "localhost",
                "--account", HealthyClient.USER + ":" + HealthyClient.PASSWORD).inheritIO().start();
        if (!check.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            check.destroyForcibly().waitFor();
            return -1;
        }
        return check.exitValue();
    }

    /** Everything the server printed. */
    List<String> output() {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
