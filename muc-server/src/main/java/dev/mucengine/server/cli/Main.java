package dev.mucengine.server.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code java -jar muc-server.jar serve ...} and {@code component ...}. */
public final class Main {

    /** Exit code after a clean stop. */
    static final int OK = 0;
    /** Exit code when the server cannot start, or the component cannot connect for good. */
    static final int FAILED = 1;
    /** Exit code for a command line that cannot be run. */
    static final int USAGE = 2;

    static final String HELP = """
            Usage: java -jar muc-server.jar serve --domain DOMAIN [options]      (serve --help)
                   java -jar muc-server.jar component --domain DOMAIN [options]  (component --help)
                   java -jar muc-server.jar check --domain DOMAIN --account NAME:PASSWORD
                                                                        (check --help)
                   java -jar muc-server.jar --help

            Runs the MUC engine behind a real transport until the process is stopped:

            serve       a small XMPP server (client-to-server TCP, no TLS) with the MUC
                        service at conference.DOMAIN
            component   the MUC service DOMAIN of a running XMPP server, as an external
                        component (XEP-0114)
            check       a health check of a running serve: logs in, pings the server and
                        its MUC service (exit code 0 if all answered)

            Memory: serve and component run in a child JVM with a heap sized for their limits
            (serve: 256 MB with the default limits), which gives memory back to the system
            after load; give -Xmx (java -Xmx512m -jar ...) to choose the heap and run in one
            JVM, or set MUC_SERVER_MEMORY=jvm to keep the JVM's own settings. See
            docs/performance.md.

            Exit code: 0 after a clean stop, 1 if the transport cannot start or connect,
            2 for a usage error, 3 if a thread the service cannot run without died (out of
            memory, say): the message says which; restart the process.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("serve") || args[0].equals("component"))) {
            OptionalInt relaunched = relaunch(args);
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
            }
            useMemoryDefaults();
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command in a child JVM with a heap sized for its limits, when it should be
     * ({@link Relaunch}); returns its exit code, or empty to run the command in this JVM. A command
     * line that cannot be run, or asks for help, is left to this JVM to answer.
     */
    private static OptionalInt relaunch(String[] args) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<String> child = Optional.ofNullable(System.getProperty(Relaunch.CHILD_PROPERTY));
        if (child.isPresent()) {
            Relaunch.watchParent(System.in);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (asksForHelp(rest) || !Relaunch.wanted(jvm, System.getenv(), child,
                Optional.ofNullable(System.getProperty("jdk.module.path")))) {
            return OptionalInt.empty();
        }
        long heapMb;
        try {
            if (args[0].equals("serve")) {
                heapMb = Relaunch.serveHeapMb(ServeCommand.parse(rest).limits());
            } else {
                ComponentCommand.parse(rest, System.getenv());
                heapMb = Relaunch.MIN_HEAP_MB;
            }
        } catch (UsageException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Relaunch.run(Relaunch.command(Path.of(System.getProperty("java.home"), "bin", "java"),
                jvm, heapMb, Runtime.getRuntime().maxMemory(), System.getProperty("java.class.path"), args)));
    }

    /** A long-running server gives back the memory a burst took: see {@link MemorySettings}. */
    private static void useMemoryDefaults() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm != null) {
            MemorySettings.apply(MemorySettings.defaults(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getenv()), vm::setVMOption);
        }
    }

    /** Runs the command line; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("error: missing command");
            err.println("Run with --help for usage.");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "serve":
                return serve(rest, out, err);
            case "component":
                return component(rest, out, err);
            case "check":
                return check(rest, out, err);
            case "--help", "-h", "help":
                out.print(HELP);
                return OK;
            default:
                err.println("error: unknown command '" + args[0] + "'");
                err.println("Run with --help for usage.");
                return USAGE;
        }
    }

    private static int serve(String[] args, PrintStream out, PrintStream err) {
        if (asksForHelp(args)) {
            out.print(ServeCommand.HELP);
            return OK;
        }
        try {
            return ServeCommand.run(ServeCommand.parse(args), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'serve --help' for usage.");
            return USAGE;
        }
    }

    private static int component(String[] args, PrintStream out, PrintStream err) {
        if (asksForHelp(args)) {
            out.print(ComponentCommand.HELP);
            return OK;
        }
        try {
            return ComponentCommand.run(ComponentCommand.parse(args, System.getenv()), err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'component --help' for usage.");
            return USAGE;
        }
    }

    private static int check(String[] args, PrintStream out, PrintStream err) {
        if (asksForHelp(args)) {
            out.print(CheckCommand.HELP);
            return OK;
        }
        try {
            return CheckCommand.run(CheckCommand.parse(args, System.getenv()), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'check --help' for usage.");
            return USAGE;
        }
    }

    private static boolean asksForHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }
}
