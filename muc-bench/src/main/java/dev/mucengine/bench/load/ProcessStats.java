package dev.mucengine.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory, threads and CPU time, read from Linux's {@code /proc} (proc(5)),
 * so that both servers are measured alike from outside.
 */
final class ProcessStats {

    /** proc(5): {@code utime} and {@code stime} are in clock ticks, 100 a second on Linux (USER_HZ). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessStats() {
    }

    /** VmRSS in bytes. */
    static long residentBytes(long pid) throws IOException {
        return statusField(pid, "VmRSS:") * 1024;
    }

    static long threads(long pid) throws IOException {
        return statusField(pid, "Threads:");
    }

    /** User plus system CPU time so far, in nanoseconds (10 ms resolution). */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name may hold spaces; the fields after it are counted from its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * NANOS_PER_TICK;
    }

    private static long statusField(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + name + " in /proc/" + pid + "/status");
    }
}
