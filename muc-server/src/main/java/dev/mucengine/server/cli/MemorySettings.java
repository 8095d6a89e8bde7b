package dev.mucengine.server.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runnable jar's memory defaults. A JVM started with a plain {@code java -jar} grows its heap
 * for a burst of load (many joins, a flood of messages) and keeps it committed after the burst is
 * over, so the resident memory of a long-running server tracks its worst moment, not its live
 * data. These settings make the JVM give memory back: after a collection at most
 * {@link #MAX_FREE_PERCENT}% of the heap stays free (the rest is returned to the operating
 * system), and G1, the JVM's default collector on a server, collects every
 * {@link #PERIODIC_COLLECTION} when no other collection ran, so an idle server shrinks too
 * (JEP 346).
 *
 * <p>They are the JVM's <em>manageable</em> flags, set in the JVM that runs the command, whether
 * {@link Relaunch} started it with a heap sized for the limits or the user sized it. A flag given
 * on the command line (or in {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) is left as
 * given, and {@value #DISABLE}{@code =jvm} leaves all of them to the JVM. They alone do not bound
 * resident memory: the heap's maximum does, which only a JVM's command line sets.
 */
final class MemorySettings {

    /** The environment variable that, set to {@code jvm}, keeps the JVM's own settings. */
    static final String DISABLE = "MUC_SERVER_MEMORY";
    /** At most this share of the heap stays committed but free after a collection. */
    static final int MAX_FREE_PERCENT = 30;
    /** At least this share is kept free, so that the heap does not shrink into collection after collection. */
    static final int MIN_FREE_PERCENT = 10;
    /** G1's periodic collection, when no other collection ran for this long. */
    static final Duration PERIODIC_COLLECTION = Duration.ofSeconds(30);

    /** Sets one manageable flag of the running JVM. */
    interface VmOptions {
        void set(String flag, String value);
    }

    private MemorySettings() {
    }

    /**
     * The flags to set, in the order to set them (the minimum free ratio first: the JVM refuses a
     * maximum below the current minimum), leaving out those the JVM was given.
     *
     * @param jvmArguments the JVM's input arguments
     * @param environment the process's environment
     */
    static Map<String, String> defaults(List<String> jvmArguments, Map<String, String> environment) {
        Map<String, String> flags = new LinkedHashMap<>();
        if ("jvm".equals(environment.get(DISABLE))) {
            return flags;
        }
        // The two ratios only make sense together: one given, the other is left to the JVM too.
        if (!given(jvmArguments, "MinHeapFreeRatio") && !given(jvmArguments, "MaxHeapFreeRatio")) {
            flags.put("MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
            flags.put("MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
        }
        if (!given(jvmArguments, "G1PeriodicGCInterval")) {
            flags.put("G1PeriodicGCInterval", Long.toString(PERIODIC_COLLECTION.toMillis()));
        }
        return flags;
    }

    /**
     * Sets the {@link #defaults}; a flag this JVM does not have or refuses is skipped.
     *
     * @return what was set, as {@code -XX:} options, for the start-up line
     */
    static List<String> apply(Map<String, String> flags, VmOptions vm) {
        List<String> applied = new ArrayList<>();
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            try {
                vm.set(flag.getKey(), flag.getValue());
                applied.add("-XX:" + flag.getKey() + "=" + flag.getValue());
            } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
                // Another JVM, or a value its other settings forbid: its own default stays.
            }
        }
        return applied;
    }

    private static boolean given(List<String> jvmArguments, String flag) {
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:" + flag + "=")) {
                return true;
            }
        }
        return false;
    }
}
