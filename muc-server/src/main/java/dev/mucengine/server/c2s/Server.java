package dev.mucengine.server.c2s;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.MonitoredStore;
import dev.mucengine.server.OutputBudget;
import dev.mucengine.server.SelectorLoop;
import dev.mucengine.server.StanzaRouter;
import dev.mucengine.server.StoreLocation;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The {@code serve} server: a few {@link SelectorLoop} threads (one per core by default) that own
 * the client connections and their timers, the first also the listening socket ({@link Acceptor}),
 * and the engine threads ({@link ConfinedEngine}) over which the {@code MucService}'s rooms and
 * the accounts' sessions are partitioned (what a client sends is handled on its account's
 * partition, then on its room's). The thread count does not grow with the clients. Everything is
 * bounded by the options' {@link ServeLimits}.
 */
public final class Server implements AutoCloseable {

    private static final int ENGINE_QUEUE_CAPACITY = 10_000;
    /** How long a clean shutdown waits for the engine to work through its queue and say goodbye. */
    private static final Duration ENGINE_STOP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a clean shutdown waits for the connections to write their last bytes. */
    private static final long LAST_BYTES_TIMEOUT_NANOS = 5_000_000_000L;

    private final ServerSocketChannel listener;
    private final ServerContext context;
    private final StanzaRouter router;
    private final List<SelectorLoop> loops;
    private final Acceptor acceptor;
    private final RoomStore store;

    private Server(ServerSocketChannel listener, ServerContext context, StanzaRouter router, List<SelectorLoop> loops,
            RoomStore store) {
        this.listener = listener;
        this.context = context;
        this.router = router;
        this.loops = loops;
        this.store = store;
        this.acceptor = new Acceptor(listener, context, loops);
    }

    /**
     * Listens on the options' address and port and serves until {@link #close}.
     *
     * @throws IllegalArgumentException if the domain or an administrator's name is not valid in a JID
     * @throws StoreUnavailableException if the store cannot be read, or the service secret it
     *     lacked cannot be stored ({@link ConfinedEngine#start})
     */
    public static Server start(ServeOptions options) throws IOException {
        DomainBareJid domain;
        Set<BareJid> admins = new HashSet<>();
        try {
            domain = JidCreate.domainBareFrom(options.domain());
            for (ServeOptions.Credential admin : options.admins()) {
                admins.add(JidCreate.entityBareFrom(admin.name() + "@" + domain));
            }
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("not a valid domain or account: " + e.getMessage(), e);
        }
        ServerIdentity identity = ServerIdentity.of(domain, admins);
        Accounts accounts = new Accounts();
        options.admins().forEach(a -> accounts.add(a.name(), a.password()));
        if (options.accountsFile().isPresent()) {
            load(options.accountsFile().get(), accounts);
        }
        RoomStore opened = options.store().open();
        try {
            return start(options, identity, accounts, admins, opened);
        } catch (IOException | RuntimeException e) {
            closeStore(opened);
            throw e;
        }
    }

    private static Server start(ServeOptions options, ServerIdentity identity, Accounts accounts, Set<BareJid> admins,
            RoomStore opened) throws IOException {
        RoomStore store = new MonitoredStore(opened, line -> System.err.println("serve: " + line));
        MucService muc = new MucService(ServiceConfig.of(identity.mucDomain()).withAdmins(admins)
                .withLimits(options.roomLimits()), store,
                IdSource.unique());
        ServeLimits limits = options.limits();
        SessionTable sessions = new SessionTable();
        InBandRegistration registration = new InBandRegistration(accounts, limits);
        ServerIq serverIq = new ServerIq(new ServerDisco(identity, options.openRegistration()),
                new AdminCommands(identity, accounts, sessions), registration, new PrivateStorage(limits));
        // Each partition draws its ids from its own random prefix: unique across partitions and restarts.
        ConfinedEngine engine = new ConfinedEngine(muc, store, Clock.systemUTC(), ENGINE_QUEUE_CAPACITY,
                line -> System.err.println("serve: " + line), options.engineThreads(), partition -> IdSource.unique());
        StanzaRouter router = new StanzaRouter(engine, new LocalDelivery(identity, sessions, accounts, serverIq));
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.socket().setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(options.bind()), options.port()), 1024);
        ClientInput input = new ClientInput(sessions, serverIq, router);
        Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
        ServerContext context = new ServerContext(identity, accounts, registration, options.openRegistration(),
                engine, input, limits, new Admission(limits), new AuthThrottle(limits.authFailureDelay()),
                new HeldInput(limits.maxHeldInputBytes(), connections),
                new OutputBudget(limits.maxTotalOutputBytes(), limits.maxOutputBytes() / 4),
                new SecureRandom(), connections);
        List<SelectorLoop> loops = new ArrayList<>();
        for (int i = 0; i < options.selectorThreads(); i++) {
            loops.add(new SelectorLoop("c2s-selector-" + i, Liveness.tickMillis(limits)));
        }
        Server server = new Server(listener, context, router, List.copyOf(loops), opened);
        try {
            engine.start(); // stores a newly created service secret first
        } catch (StoreUnavailableException e) {
            listener.close();
            loops.forEach(SelectorLoop::discardUnstarted);
            throw e;
        }
        loops.forEach(SelectorLoop::start);
        server.acceptor.start();
        return server;
    }

    /** The line to print at start about where rooms and messages are kept. */
    public String storeDescription() {
        return StoreLocation.describe(store);
    }

    /** The port it listens on (the chosen one when the options asked for any free port). */
    public int port() {
        return listener.socket().getLocalPort();
    }

    /**
     * Clean shutdown: stop accepting, let the engine send its 332 presences (room shut down) to
     * the occupants, then end every stream with {@code system-shutdown}.
     */
    @Override
    public void close() {
        acceptor.close();
        try {
            if (!context.engine().stopAfter(router::shutdown, ENGINE_STOP_TIMEOUT)) {
                System.err.println("serve: the engine did not stop within " + ENGINE_STOP_TIMEOUT.toSeconds()
                        + " s; closing the connections anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ClientConnection> open = List.copyOf(context.connections());
        for (ClientConnection c : open) {
            c.terminateSoon(Optional.of(StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN)));
        }
        awaitLastBytes(open);
        loops.forEach(SelectorLoop::stop);
        closeStore(store); // after the engine's last commit
    }

    /** Waits (a while) until every connection has written its closing tag, or is gone. */
    private static void awaitLastBytes(List<ClientConnection> open) {
        long deadline = System.nanoTime() + LAST_BYTES_TIMEOUT_NANOS;
        for (ClientConnection c : open) {
            while (!c.outputDone() && System.nanoTime() - deadline < 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void closeStore(RoomStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("serve: closing the room store failed: " + e.getMessage());
            }
        }
    }

    private static void load(Path file, Accounts accounts) throws IOException {
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                ServeOptions.Credential c = ServeOptions.Credential.parse(trimmed);
                accounts.add(c.name(), c.password());
            }
        }
    }
}
