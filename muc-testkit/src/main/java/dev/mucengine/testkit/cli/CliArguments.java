package dev.mucengine.testkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line.
 *
 * @param help {@code --help} was given
 * @param strict {@code --strict}
 * @param verbose {@code --verbose}
 * @param transcript {@code --transcript}
 * @param paths the files and directories to replay
 */
record CliArguments(boolean help, boolean strict, boolean verbose, boolean transcript, List<Path> paths) {

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
            return new CliArguments(true, false, false, false, List.of());
        }
        if (!args[0].equals("replay")) {
            throw new UsageException("unknown command '" + args[0] + "'");
        }
        boolean strict = false;
        boolean verbose = false;
        boolean transcript = false;
        boolean optionsEnded = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!optionsEnded && a.startsWith("-")) {
                switch (a) {
                    case "--strict" -> strict = true;
                    case "--verbose", "-v" -> verbose = true;
                    case "--transcript" -> transcript = true;
                    case "--help", "-h" -> {
                        return new CliArguments(true, false, false, false, List.of());
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
        return new CliArguments(false, strict, verbose, transcript, paths);
    }
}
