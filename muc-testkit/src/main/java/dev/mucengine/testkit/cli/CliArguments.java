package dev.mucengine.testkit.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line.
 *
 * @param help {@code --help} was given
 * @param strict {@code --strict}
 * @param verbose {@code --verbose}
 * @param transcript {@code --transcript}
 * @param clockStep {@code --clock-step}: how far the clock advances per action (zero: frozen)
 * @param paths the files and directories to replay
 */
record CliArguments(boolean help, boolean strict, boolean verbose, boolean transcript, Duration clockStep,
        List<Path> paths) {

    CliArguments {
        paths = List.copyOf(paths);
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static CliArguments parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("missing command");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return new CliArguments(true, false, false, false, Duration.ZERO, List.of());
        }
        if (!args[0].equals("replay")) {
            throw new UsageException("unknown command '" + args[0] + "'");
        }
        boolean strict = false;
        boolean verbose = false;
        boolean transcript = false;
        Duration clockStep = Duration.ZERO;
        boolean optionsEnded = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!optionsEnded && a.startsWith("-")) {
                switch (a) {
                    case "--strict" -> strict = true;
                    case "--verbose", "-v" -> verbose = true;
                    case "--transcript" -> transcript = true;
                    case "--clock-step" -> {
                        if (++i == args.length) {
                            throw new UsageException("--clock-step needs a duration, such as PT1S");
                        }
                        clockStep = duration(args[i]);
                    }
                    case "--help", "-h" -> {
                        return new CliArguments(true, false, false, false, Duration.ZERO, List.of());
                    }
                    case "--" -> optionsEnded = true;
                    default -> throw new UsageException("unknown option '" + a + "'");
                }
            } else {
                paths.add(Path.of(a));
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("no script files or directories given");
        }
        return new CliArguments(false, strict, verbose, transcript, clockStep, paths);
    }

    private static Duration duration(String text) throws UsageException {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                throw new UsageException("--clock-step must not be negative: " + text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new UsageException("--clock-step needs an ISO-8601 duration such as PT1S, not '" + text + "'");
        }
    }
}
