package dev.mucengine.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.server.c2s.ServeLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelaunchTest {

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void aPlainJavaJarIsRelaunched() {
        assertThat(Relaunch.wanted(List.of("-Dfoo=bar", "-XX:+UseSerialGC"), Map.of(), NONE, NONE)).isTrue();
    }

    @Test
    void aHeapTheUserSizedIsKept() {
        for (String option : List.of("-Xmx1g", "-Xms64m", "-XX:MaxHeapSize=1073741824", "-XX:MaxRAMPercentage=50",
                "-XX:MaxRAM=2g", "-XX:InitialRAMPercentage=5")) {
            assertThat(Relaunch.wanted(List.of(option), Map.of(), NONE, NONE)).as(option).isFalse();
        }
    }

    @Test
    void theChildTheEnvironmentVariableAndAModulePathAreNotRelaunched() {
        assertThat(Relaunch.wanted(List.of(), Map.of(), Optional.of("true"), NONE)).as("the child").isFalse();
        assertThat(Relaunch.wanted(List.of(), Map.of(MemorySettings.DISABLE, "jvm"), NONE, NONE)).isFalse();
        assertThat(Relaunch.wanted(List.of(), Map.of(), NONE, Optional.of("mods"))).as("module path").isFalse();
    }

    @Test
    void theDefaultLimitsGetTheHeapTheAbuseTestsRunOn() {
        assertThat(Relaunch.serveHeapMb(ServeLimits.DEFAULTS)).isEqualTo(256);
    }

    @Test
    void moreConnectionsGetMoreHeap() {
        ServeLimits d = ServeLimits.DEFAULTS;
        ServeLimits many = new ServeLimits(20_480, d.maxConnectionsPerAddress(), d.maxUnauthenticated(),
                d.authTimeout(), d.idleTimeout(), d.pingTimeout(), d.maxStanzaBytes(), d.maxBytesBeforeAuthentication(),
                d.maxHeldInputBytes(), d.maxOutputBytes(), d.maxTotalOutputBytes(), d.maxAuthFailures(),
                d.authFailureDelay(), d.registrationsPerAddress(), d.registrationsPerHour(), d.maxUsernameLength(),
                d.maxPasswordLength(), d.maxPrivateBytes(), d.maxPrivateKeys());

        assertThat(Relaunch.serveHeapMb(many)).as("64 MB, 16 KiB a connection, 32 MB of input, 64 MB of output")
                .isEqualTo(64 + 320 + 32 + 64);
    }

    @Test
    void theChildGetsTheOptionsTheHeapAndTheArgumentsNeverMoreHeapThanTheJvmWouldHaveTaken() {
        List<String> command = Relaunch.command(Path.of("/jdk/bin/java"), List.of("-Dx=1"), 10_000, 4L << 30,
                "muc-server.jar", new String[] {"serve", "--domain", "example.org"});

        assertThat(command).containsExactly("/jdk/bin/java", "-Dx=1", "-Xmx4096m", "-Dmucengine.relaunched=true",
                "-cp", "muc-server.jar", "dev.mucengine.server.cli.Main", "serve", "--domain", "example.org");
    }
}
