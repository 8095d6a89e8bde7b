package dev.mucengine.server.cli;

import dev.mucengine.server.c2s.ServeLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code serve} or {@code component} in a child JVM whose heap is sized for the configured
 * limits. A plain {@code java -jar} gets the JVM's default maximum heap, a quarter of the
 * machine's memory, and a collector that uses it: resident memory then follows the heap's growth,
 * not the live data (measured: a 600 MB burst left 800 MB resident on a 24 GB machine, however
 * the heap's free ratios were set). A heap option can only be given when a JVM starts, so this
 * JVM starts another with one, and waits for it.
 *
 * <p>Not when the user sized the heap themselves ({@code -Xmx} and its kin, on the command line
 * or in {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}), nor when {@value
 * MemorySettings#DISABLE}{@code =jvm}. The child gets this JVM's own options, inherits standard
 * output and error, and is stopped when this JVM is: a signal that stops this JVM (Ctrl-C,
 * SIGTERM) is passed on, so the rooms still shut down cleanly; if this JVM is killed outright, the
 * child sees its input close and halts too, as if it had been killed with it.
 */
final class Relaunch {

    /** Set in the child, so that it runs the command instead of starting another. */
    static final String CHILD_PROPERTY = "mucengine.relaunched";
    /** The least heap the jar runs on: what the abuse tests show the default limits need. */
    static final long MIN_HEAP_MB = 256;

    private static final String[] HEAP_OPTIONS = {"-Xmx", "-Xms", "-XX:MaxHeapSize=", "-XX:InitialHeapSize=",
        "-XX:MaxRAM=", "-XX:MaxRAMPercentage=", "-XX:InitialRAMPercentage=", "-XX:MaxRAMFraction="};

    private Relaunch() {
    }

    /**
     * The heap for {@code serve} under these limits, in MB: a base for the engine and its rooms,
     * about 16 KiB for each connection (measured: 12 KiB for an idle one, docs/embedding.md),
     * and the input and output the limits let the server hold for all clients at once.
     */
    static long serveHeapMb(ServeLimits limits) {
        long bytes = (64L << 20) + limits.maxConnections() * (16L << 10) + limits.maxHeldInputBytes()
                + limits.maxTotalOutputBytes();
        return Math.max(MIN_HEAP_MB, (bytes + (1 << 20) - 1) >> 20);
    }

    /**
     * Whether to run the command in a child JVM: not in the child itself, not when the heap was
     * sized by the user or the environment variable keeps the JVM's own settings, and not when
     * this JVM runs from a module path (the child is started from the class path).
     */
    static boolean wanted(List<String> jvmArguments, Map<String, String> environment,
            Optional<String> childProperty, Optional<String> modulePath) {
        if (childProperty.isPresent() || modulePath.isPresent() || "jvm".equals(environment.get(MemorySettings.DISABLE))) {
            return false;
        }
        for (String a : jvmArguments) {
            for (String option : HEAP_OPTIONS) {
                if (a.startsWith(option)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The child's command line: this JVM's options, the heap (never more than this JVM's own
     * default maximum), the child mark, then the class path, main class and arguments.
     */
    static List<String> command(Path java, List<String> jvmArguments, long heapMb, long ownMaxHeapBytes,
            String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArguments);
        command.add("-Xmx" + Math.min(heapMb, Math.max(MIN_HEAP_MB, ownMaxHeapBytes >> 20)) + "m");
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the child and waits for it; returns its exit code. */
    static int run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            System.err.println("error: cannot start the server's JVM: " + e.getMessage());
            return Main.FAILED;
        }
        // Its standard input stays open, unwritten, for as long as this JVM lives (watchParent).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM, and the child shuts its rooms down cleanly. Not Process.destroy: it also
            // closes the child's input, which the child takes for this JVM's end (watchParent).
            child.toHandle().destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "relaunch-stop"));
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // not interrupted by anyone in this JVM: keep waiting
            }
        }
    }

    /**
     * In the child: halts when the parent is gone. Its standard input is a pipe from the parent,
     * never written: it ends when the parent ends, even when killed outright (SIGKILL).
     */
    static void watchParent(InputStream fromParent) {
        Thread watch = new Thread(() -> {
            try {
                while (fromParent.read() >= 0) {
                    // nothing is sent; a byte would only be skipped
                }
            } catch (IOException e) {
                // closed: the parent is gone all the same
            }
            Runtime.getRuntime().halt(Main.FAILED);
        }, "relaunch-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
