package dev.mucengine.server.cli;

import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.c2s.ServeOptions;
import dev.mucengine.server.c2s.Server;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve --domain D [--port P] [--bind ADDR] [--admin NAME:PASSWORD]... [--accounts FILE]
 * [--open-registration] [--data DIR | --database URL] [--engine-threads N] [--selector-threads N]
 * [limits]}: runs the c2s server until the process is told to stop.
 */
final class ServeCommand {

    static final String HELP = """
            Usage: java -jar muc-server.jar serve --domain DOMAIN [--port 5222] [--bind 127.0.0.1]
                       [--admin NAME:PASSWORD]... [--accounts FILE] [--open-registration]
                       [--data DIR | --database URL] [--engine-threads N]
                       [--selector-threads N] [limits]

            Runs an XMPP server (client-to-server TCP, no TLS) with the MUC engine at
            conference.DOMAIN. Accounts are in memory: --admin accounts (administrators of the
            server and of the MUC service), NAME:PASSWORD lines from --accounts, accounts added
            by an administrator (XEP-0133) or registered in-band (XEP-0077, with
            --open-registration). Stop with Ctrl-C: occupants get the rooms' shutdown presence.

            %s%s
            %s
            %s""".formatted(ThreadsOption.ENGINE.help(), ThreadsOption.SELECTOR.help(), StoreOptions.HELP,
                    LimitOptions.HELP);

    private ServeCommand() {
    }

    /** Parses {@code args} (after the command name) into options. */
    static ServeOptions parse(String[] args) throws UsageException {
        String domain = "";
        int port = 5222;
        String bind = "127.0.0.1";
        List<ServeOptions.Credential> admins = new ArrayList<>();
        Optional<Path> accounts = Optional.empty();
        boolean open = false;
        StoreOptions store = new StoreOptions();
        LimitOptions limits = new LimitOptions();
        int engineThreads = ConfinedEngine.defaultThreads();
        int selectorThreads = ServeOptions.defaultSelectorThreads();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (store.accepts(a)) {
                store.set(a, value(args, ++i, a));
                continue;
            }
            if (limits.accepts(a)) {
                limits.set(a, value(args, ++i, a));
                continue;
            }
            switch (a) {
                case "--domain" -> domain = value(args, ++i, a);
                case "--port" -> port = port(value(args, ++i, a));
                case "--bind" -> bind = value(args, ++i, a);
                case "--admin" -> admins.add(credential(value(args, ++i, a)));
                case "--accounts" -> accounts = Optional.of(Path.of(value(args, ++i, a)));
                case "--open-registration" -> open = true;
                case ThreadsOption.ENGINE_NAME -> engineThreads = ThreadsOption.ENGINE.parse(value(args, ++i, a));
                case ThreadsOption.SELECTOR_NAME -> selectorThreads = ThreadsOption.SELECTOR.parse(value(args, ++i, a));
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (domain.isEmpty()) {
            throw new UsageException("--domain is required");
        }
        return new ServeOptions(domain, port, bind, admins, accounts, open, store.location(), limits.limits(),
                limits.roomLimits(), engineThreads, selectorThreads);
    }

    /** Runs until the JVM shuts down; returns an exit code only when the server cannot start. */
    static int run(ServeOptions options, PrintStream out, PrintStream err) {
        Server server;
        try {
            server = Server.start(options);
        } catch (IOException | IllegalArgumentException | StoreUnavailableException e) {
            err.println("error: cannot start: " + e.getMessage());
            return Main.FAILED;
        }
        out.println(server.storeDescription());
        out.println("serving " + options.domain() + " (MUC at conference." + options.domain() + ") on "
                + options.bind() + ":" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) throws UsageException {
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 65_535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad port '" + text + "'");
    }

    private static ServeOptions.Credential credential(String text) throws UsageException {
        try {
            return ServeOptions.Credential.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
