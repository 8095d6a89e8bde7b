package dev.mucengine.server.component;

import dev.mucengine.store.sql.testing.HostCommands;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway Debian Prosody (0.12) on loopback, for integration tests: its own directory for
 * config, data, pid and logs, free ports for c2s and components, one external component.
 *
 * <p>Started as root, prosodyctl switches to the {@code prosody} user by itself and then cannot
 * read a root-owned temporary directory ("The config file is not readable by the 'prosody'
 * user"). So as root, every command runs as {@code prosody} through {@code setpriv} on a
 * directory it owns, as {@code shared/tools/prosody-oracle/start.sh} does.
 */
final class ProsodyServer implements AutoCloseable {

    private final Path dir;
    private final int clientPort;
    private final int componentPort;
    private final Process process;

    private ProsodyServer(Path dir, int clientPort, int componentPort, Process process) {
        this.dir = dir;
        this.clientPort = clientPort;
        this.componentPort = componentPort;
        this.process = process;
    }

    /** Whether the {@code prosody} command is installed. */
    static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(p -> !p.isEmpty() && Files.isExecutable(Path.of(p, "prosody")));
    }

    /**
     * Makes sure Prosody is installed: when it is missing and we are root (a fresh CI machine), it
     * is installed from Debian's packages, as the README's test command promises.
     */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (installed()) {
            return;
        }
        HostCommands.aptInstall("prosody");
    }

    /**
     * Starts Prosody serving {@code localhost} with the given accounts (each with the password
     * {@code password}) and the external component {@code componentDomain} with {@code secret};
     * returns once both ports listen.
     */
    static ProsodyServer start(String componentDomain, String secret, List<String> users)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mucengine-prosody");
        int clientPort = HostCommands.freePort();
        int componentPort = HostCommands.freePort();
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("prosody.cfg.lua"),
                config(dir, clientPort, componentPort, componentDomain, secret), StandardCharsets.UTF_8);
        if (HostCommands.isRoot()) {
            run(List.of("chown", "-R", "prosody:prosody", dir.toString()));
        }
        Path cfg = dir.resolve("prosody.cfg.lua");
        for (String user : users) {
            run(HostCommands.asUser("prosody", "prosodyctl", "--config", cfg.toString(), "register", user,
                    "localhost", "password"));
        }
        // -F: stay in the foreground, so the process we hold is Prosody itself and stopping it is ours.
        List<String> command = HostCommands.asUser("prosody", "prosody", "--config", cfg.toString(), "-F");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        ProsodyServer server = new ProsodyServer(dir, clientPort, componentPort, process);
        try {
            server.awaitListening(clientPort);
            server.awaitListening(componentPort);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int clientPort() {
        return clientPort;
    }

    int componentPort() {
        return componentPort;
    }

    /** Prosody's debug log, for failure messages. */
    String log() {
        try {
            return Files.readString(dir.resolve("prosody.log")) + Files.readString(dir.resolve("stdout.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if Prosody has not exited after 10 s; removes the directory. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 150; attempt++) {
            if (!process.isAlive()) {
                throw new IOException("prosody exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("prosody does not listen on port " + port + " after 30 s:\n" + log());
    }

    private static String config(Path dir, int clientPort, int componentPort, String componentDomain,
            String secret) {
        return """
                -- Written by ProsodyServer for one test run; everything stays in this directory.
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                certificates = "%1$s/certs"
                interfaces = { "127.0.0.1" }
                local_interfaces = { "127.0.0.1" }
                c2s_ports = { %2$d }
                component_ports = { %3$d }
                component_interfaces = { "127.0.0.1" }
                c2s_direct_tls_ports = { }
                legacy_ssl_ports = { }
                s2s_ports = { }
                s2s_direct_tls_ports = { }
                http_ports = { }
                https_ports = { }
                modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; }
                modules_disabled = { "s2s"; }
                c2s_require_encryption = false
                allow_unencrypted_plain_auth = true
                authentication = "internal_plain"
                storage = "internal"
                log = { debug = "%1$s/prosody.log"; }
                VirtualHost "localhost"
                Component "%4$s"
                	component_secret = "%5$s"
                """.formatted(dir, clientPort, componentPort, componentDomain, secret);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        HostCommands.run(command, 60);
    }
}
