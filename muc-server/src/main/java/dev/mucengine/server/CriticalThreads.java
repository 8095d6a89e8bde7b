package dev.mucengine.server;

/**
 * Threads whose death would stop the service while the process looked alive: the engine thread,
 * the acceptor, the timer. Each catches what it safely can and goes on (an acceptor that runs out
 * of memory refuses one connection and accepts the next); what escapes anyway, such as an
 * {@link OutOfMemoryError} in the middle of the engine's work, which may have left a room half
 * changed, ends the process with a clear message and {@link #EXIT_CODE}, so that a supervisor
 * restarts it. Stores commit before anything is acknowledged, so nothing acknowledged is lost.
 */
public final class CriticalThreads {

    /** The process's exit code when a critical thread died. */
    public static final int EXIT_CODE = 3;

    private CriticalThreads() {
    }

    /** Makes {@code thread}'s death end the process. Call before starting it. */
    public static void guard(Thread thread) {
        thread.setUncaughtExceptionHandler(CriticalThreads::died);
    }

    private static void died(Thread thread, Throwable cause) {
        try {
            System.err.println("fatal: the " + thread.getName() + " thread died (" + cause
                    + "); the process exits so that a supervisor can restart it");
            cause.printStackTrace();
        } catch (Throwable stillFailing) {
            // Out of memory even for the message: exit all the same.
        } finally {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
