package dev.mucengine.server.cli;

/** A command line that cannot be run; the message says why. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
