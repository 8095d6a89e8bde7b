package dev.mucengine.server.cli;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.MonitoredStore;
import dev.mucengine.server.StoreLocation;
import dev.mucengine.server.component.ComponentSettings;
import dev.mucengine.server.component.ExternalComponent;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * {@code component --domain D [--host H] [--port P] [--secret S] [--data DIR | --database URL]}:
 * the engine as an external component of a running server, until the process is told to stop.
 */
final class ComponentCommand {

    /**
     * A parsed command line.
     *
     * @param settings how to reach and authenticate with the server
     * @param store where rooms and archives are kept
     * @param engineThreads how many engine threads the rooms are partitioned over
     */
    record Options(ComponentSettings settings, StoreLocation store, int engineThreads) {
    }

    /** Read when {@code --secret} is absent, so the secret need not show in the process list. */
    static final String SECRET_VARIABLE = "MUC_COMPONENT_SECRET";

    static final String HELP = """
            Usage: java -jar muc-server.jar component --domain DOMAIN [--host HOST] [--port PORT]
                                                        [--secret SECRET]
                                                        [--data DIR | --database URL]
                                                        [--engine-threads N]

            Runs the MUC engine as an external component (XEP-0114) of a running XMPP server:
            connects to the server's component port, authenticates with the shared secret,
            serves DOMAIN's rooms, and reconnects (1 s doubling up to 60 s) when the
            connection is lost. On SIGINT/SIGTERM, occupants get the shutdown presence (status
            332), what was handled is committed, and the stream is closed.

            --domain DOMAIN  the component's domain, as configured on the server
            --host HOST      the server's address (default 127.0.0.1)
            --port PORT      the server's component port (default 5347)
            --secret SECRET  the component's shared secret (default: $%s)
            --help, -h       print this help
            %s
            %s
            Exit code: 0 after a clean stop, 1 if the server rejects the secret or domain or
            the store cannot be opened, 2 for a usage error, 3 if the engine thread died (out
            of memory, say): restart the process.
            """.formatted(SECRET_VARIABLE, ThreadsOption.ENGINE.help(), StoreOptions.HELP);

    private ComponentCommand() {
    }

    /** Parses {@code args} (after the command name) into options. */
    static Options parse(String[] args, Map<String, String> environment) throws UsageException {
        String host = "127.0.0.1";
        int port = 5347;
        Optional<DomainBareJid> domain = Optional.empty();
        Optional<String> secret = Optional.ofNullable(environment.get(SECRET_VARIABLE));
        StoreOptions store = new StoreOptions();
        int engineThreads = ConfinedEngine.defaultThreads();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("unknown option or missing value: '" + option + "'");
            }
            String value = args[++i];
            if (store.accepts(option)) {
                store.set(option, value);
                continue;
            }
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = port(value);
                case "--domain" -> domain = Optional.of(domain(value));
                case "--secret" -> secret = Optional.of(value);
                case ThreadsOption.ENGINE_NAME -> engineThreads = ThreadsOption.ENGINE.parse(value);
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (domain.isEmpty()) {
            throw new UsageException("--domain is required");
        }
        if (secret.isEmpty() || secret.get().isEmpty()) {
            throw new UsageException("--secret (or $" + SECRET_VARIABLE + ") is required");
        }
        return new Options(ComponentSettings.of(host, port, domain.get(), secret.get()), store.location(),
                engineThreads);
    }

    /** Runs until a shutdown signal or a permanent failure; returns the exit code. */
    static int run(Options options, PrintStream err) {
        ComponentSettings settings = options.settings();
        Consumer<String> log = line -> err.println(Instant.now() + " " + line);
        RoomStore opened;
        MucService engine;
        RoomStore store;
        try {
            opened = options.store().open();
        } catch (StoreUnavailableException e) {
            err.println("error: cannot start: " + e.getMessage());
            return Main.FAILED;
        }
        try {
            store = new MonitoredStore(opened, log);
            engine = new MucService(ServiceConfig.of(settings.domain()), store, IdSource.unique());
        } catch (StoreUnavailableException e) {
            err.println("error: cannot start: " + e.getMessage());
            close(opened, log);
            return Main.FAILED;
        }
        log.accept(StoreLocation.describe(opened));
        ExternalComponent component;
        try {
            component = ExternalComponent.start(settings, engine, store, Clock.systemUTC(), log,
                    options.engineThreads());
        } catch (StoreUnavailableException e) { // the new service secret could not be stored
            err.println("error: cannot start: " + e.getMessage());
            close(opened, log);
            return Main.FAILED;
        }
        Thread hook = new Thread(() -> {
            try {
                component.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close(opened, log); // after the engine's last commit
        }, "component-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ExternalComponent.Outcome outcome = component.awaitOutcome();
            return outcome instanceof ExternalComponent.Outcome.Failed ? Main.FAILED : Main.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        }
    }

    private static void close(RoomStore store, Consumer<String> log) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.accept("closing the room store failed: " + e.getMessage());
            }
        }
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("not a port number: '" + value + "'");
    }

    private static DomainBareJid domain(String value) throws UsageException {
        try {
            return JidCreate.domainBareFrom(value);
        } catch (XmppStringprepException e) {
            throw new UsageException("not a domain: '" + value + "'");
        }
    }
}
