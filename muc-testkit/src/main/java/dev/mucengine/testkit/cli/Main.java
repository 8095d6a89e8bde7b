package dev.mucengine.testkit.cli;

import dev.mucengine.testkit.ReplayOptions;
import dev.mucengine.testkit.ReplayResult;
import dev.mucengine.testkit.Replayer;
import dev.mucengine.testkit.ScriptFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar muc-testkit.jar replay ...}. */
public final class Main {

    /** Exit code when every script passed. */
    static final int OK = 0;
    /** Exit code when at least one script failed. */
    static final int FAILED = 1;
    /** Exit code for a command line that cannot be run. */
    static final int USAGE = 2;

    static final String HELP = """
            Usage: java -jar muc-testkit.jar replay [--strict] [--verbose] [--transcript]
                                                    [--clock-step DURATION] PATH...
                   java -jar muc-testkit.jar --help

            Replays scansion scripts (*.scs) in-process against the MUC engine, behind a
            simulated home server for the scripted users (MUC service: conference.<domain>,
            service administrator: admin@<domain>, frozen clock 2026-01-01T00:00:00Z).

            PATH          a script file, or a directory searched recursively for *.scs;
                          scripts run in sorted path order
            --strict      first-in-first-out queues: nothing is discarded, and a client that
                          disconnects or a script that ends with unread stanzas fails.
                          Default: the reference tool's reads (stanzas queued when a
                          'receives' starts are one read; the rest is discarded unless the
                          next action is another 'receives' by the same client)
            --verbose     after a failure, print the full report (expected stanza, head of
                          the queue, what else was queued); list discarded stanzas
            --transcript  print every stanza in and out, in order
            --clock-step DURATION
                          advance the clock by DURATION (ISO-8601, e.g. PT1S) per action,
                          from 2026-01-01T00:00:00Z; default: frozen
            --help, -h    print this help

            Output: one line per script, 'PASS name' or 'FAIL name: reason', then
            'N passed, M failed'.
            Exit code: 0 if no script failed, 1 if any failed, 2 for a usage error.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (CliArguments.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help for usage.");
            return USAGE;
        }
        if (arguments.help()) {
            out.print(HELP);
            return OK;
        }
        List<Path> scripts = new ArrayList<>();
        for (Path p : arguments.paths()) {
            if (!Files.exists(p)) {
                err.println("error: no such file or directory: " + p);
                return USAGE;
            }
            try {
                scripts.addAll(ScriptFiles.find(p));
            } catch (IOException e) {
                err.println("error: cannot read " + p + ": " + e.getMessage());
                return USAGE;
            }
        }
        ReplayOptions options = ReplayOptions.defaults().withStrict(arguments.strict());
        Replayer replayer = new Replayer(options.withClock(options.start(), arguments.clockStep()));
        int passed = 0;
        int failed = 0;
        for (Path script : scripts) {
            ReplayResult result = replayer.replay(script);
            if (result.passed()) {
                passed++;
                out.println("PASS " + result.name());
            } else {
                failed++;
                ReplayResult.Failure f = result.failure().orElseThrow();
                out.println("FAIL " + result.name() + ": " + f.reason());
                if (arguments.verbose()) {
                    // The report's first line repeats the reason printed just above.
                    String report = f.report();
                    int firstBreak = report.indexOf('\n');
                    if (firstBreak >= 0) {
                        out.println(indent(report.substring(firstBreak + 1)));
                    }
                }
            }
            if (arguments.verbose() && !result.discarded().isEmpty()) {
                out.println("  discarded unread (" + result.discarded().size() + "):");
                result.discarded().forEach(d -> out.println(indent(d)));
            }
            if (arguments.transcript()) {
                out.println("  transcript:");
                result.transcript().forEach(line -> out.println(indent(line)));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? OK : FAILED;
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
