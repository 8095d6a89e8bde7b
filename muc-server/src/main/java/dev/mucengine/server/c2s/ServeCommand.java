package dev.mucengine.server.c2s;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar muc-server.jar serve ...}: runs the server until the process is stopped. */
public final class ServeCommand {

    public static final String HELP = """
            Usage: java -jar muc-server.jar serve --domain DOMAIN [--port 5222] [--bind 127.0.0.1]
                       [--admin NAME:PASSWORD]... [--accounts FILE] [--open-registration]

            Runs an XMPP server (client-to-server TCP, no TLS) with the MUC engine at
            conference.DOMAIN. Accounts are in memory: --admin accounts (administrators of the
            server and of the MUC service), NAME:PASSWORD lines from --accounts, accounts added
            by an administrator (XEP-0133) or registered in-band (XEP-0077, with
            --open-registration). Stop with Ctrl-C: occupants get the rooms' shutdown presence.
            """;

    private ServeCommand() {
    }

    /** Runs until the JVM shuts down; returns an exit code only for bad arguments or I/O errors. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.print(HELP);
            return 0;
        }
        ServeOptions options;
        try {
            options = ServeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(HELP);
            return 2;
        }
        Server server;
        try {
            server = Server.start(options);
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: cannot start: " + e.getMessage());
            return 1;
        }
        out.println("serving " + options.domain() + " (MUC at conference." + options.domain() + ") on "
                + options.bind() + ":" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // shutting down anyway
            }
            stopped.countDown();
        }, "serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
