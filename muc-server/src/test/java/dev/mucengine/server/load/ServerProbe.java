package dev.mucengine.server.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a running JVM's heap and threads from outside, with the JDK's {@code jcmd}, so that the
 * measured process holds nothing of the measuring: the live heap (the class histogram runs a full
 * collection first and counts what survives) and the thread list.
 */
final class ServerProbe {

    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private static final int COLLECTIONS = 5;

    private final long pid;

    ServerProbe(long pid) {
        this.pid = pid;
    }

    /**
     * Bytes of live objects: the least of {@link #COLLECTIONS} class histograms, each of which runs
     * a full collection first and counts what survives it. One is not enough: the JDK keeps some
     * buffers softly reachable for a few collections (observed under serve: 8 MiB of int[] freed
     * only by the third or fourth collection), and they would read as a leak that comes and goes.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            least = Math.min(least, histogramTotal());
        }
        return least;
    }

    private long histogramTotal() throws IOException, InterruptedException {
        for (String line : jcmd("GC.class_histogram")) {
            Matcher m = TOTAL.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IOException("no total in the class histogram of " + pid);
    }

    /** The names of the process's threads, JVM-internal ones included. */
    List<String> threadNames() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String line : jcmd("Thread.print")) {
            if (line.startsWith("\"")) {
                names.add(line.substring(1, line.indexOf('"', 1)));
            }
        }
        return names;
    }

    private List<String> jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
