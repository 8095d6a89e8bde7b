package dev.mucengine.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar muc-server.jar serve}, without a heap option, runs the server in a
 * child JVM with a heap sized for its limits (cli.Relaunch); stopping or killing the process that
 * was started stops the server with it.
 */
class RelaunchIT {

    private static final Path JAR = Path.of(System.getProperty("muc.server.jar", "target/muc-server.jar"));

    @TempDir
    Path dir;

    @Test
    void theServerRunsInAChildWithAHeapSizedForTheDefaultLimits() throws Exception {
        try (ServeProcess serve = ServeProcess.start(JAR, ServeProcess.accounts(dir, "u", 1, "pw"), List.of(),
                List.of())) {
            ProcessHandle child = onlyChild(serve.pid());

            assertThat(child.info().arguments().map(List::of).orElse(List.of())).as("the child's JVM options")
                    .contains("-Xmx256m", "-Dmucengine.relaunched=true");
        }
    }

    @Test
    void sigtermReachesTheServerWhichShutsItsRoomsDownCleanly() throws Exception {
        ServeProcess serve = ServeProcess.start(JAR, ServeProcess.accounts(dir, "u", 1, "pw"), List.of(), List.of());
        ProcessHandle child = onlyChild(serve.pid());
        try (LoadClient client = LoadClient.loggedIn(serve.port(), "u0", "pw")) {
            client.send("<presence to='room@conference.localhost/u0'><x xmlns='http://jabber.org/protocol/muc'/>"
                    + "</presence>");
            client.await("110"); // entered

            serve.terminate();

            assertThat(client.readThrough("332")).as("the shutdown presence").contains("unavailable");
        }
        assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void killingTheStartedProcessKillsTheServer() throws Exception {
        ServeProcess serve = ServeProcess.start(JAR, ServeProcess.accounts(dir, "u", 1, "pw"), List.of(), List.of());
        ProcessHandle child = onlyChild(serve.pid());

        serve.kill();

        assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the server's JVM").isFalse();
    }

    @Test
    void aHeapOptionRunsTheServerInTheStartedProcessItself() throws Exception {
        try (ServeProcess serve = ServeProcess.start(JAR, ServeProcess.accounts(dir, "u", 1, "pw"), List.of(),
                List.of("-Xmx256m"))) {
            assertThat(ProcessHandle.of(serve.pid()).orElseThrow().children()).isEmpty();
        }
    }

    private static ProcessHandle onlyChild(long pid) throws InterruptedException {
        ProcessHandle parent = ProcessHandle.of(pid).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent()) {
                assertThat(parent.children().count()).as("children of the started process").isEqualTo(1);
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no child JVM");
    }
}
