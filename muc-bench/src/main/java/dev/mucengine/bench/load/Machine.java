package dev.mucengine.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A description of the machine a comparison ran on, for the table's readers. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("Machine: %s, %d cores visible to the JVM, %s memory; %s %s; JDK %s; Prosody %s;%n"
                + "started %s, load average %s",
                cpuModel(), Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), prosodyVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages (proc(5) loadavg). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB").findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String prosodyVersion() {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", "prosody").redirectErrorStream(true)
                    .start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? v : "not installed";
        } catch (IOException e) {
            return "unknown (no dpkg-query)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
