package dev.mucengine.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway Prosody (Debian's 0.12 package) configured for load: c2s without TLS on a free
 * loopback port, PLAIN allowed, no rate limits ({@code mod_limits} not loaded), a MUC component
 * that neither locks new rooms nor swaps live rooms to disk, and logging of warnings only. Its
 * accounts are written straight into its data directory (what {@code prosodyctl register} would
 * store with {@code internal_plain}), since registering 10,000 with prosodyctl takes too long.
 *
 * <p>As root, Prosody runs as the {@code prosody} user through {@code setpriv} on a directory it
 * owns (started as root it would switch users itself and then fail to read a root-owned one).
 */
final class ProsodyProcess implements ServerProcess {

    private final Process process;
    private final int port;
    private final Path dir;

    private ProsodyProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    static Kind kind() {
        return new Kind() {
            @Override
            public String name() {
                return "Prosody";
            }

            @Override
            public ServerProcess start(int accounts) throws IOException, InterruptedException {
                return ProsodyProcess.start(accounts);
            }
        };
    }

    static ProsodyProcess start(int accounts) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("load-prosody");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("certs"));
        Path accountsDir = Files.createDirectories(dir.resolve("data").resolve(DOMAIN).resolve("accounts"));
        for (int i = 0; i < accounts; i++) {
            Files.writeString(accountsDir.resolve("u" + i + ".dat"),
                    "return {\n\t[\"password\"] = \"" + PASSWORD + "\";\n};\n");
        }
        Path config = Files.writeString(dir.resolve("prosody.cfg.lua"), config(dir, port), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            run("chown", "-R", "prosody:prosody", dir.toString());
            command.addAll(List.of("setpriv", "--reuid=prosody", "--regid=prosody", "--init-groups"));
        }
        // -F: stays in the foreground, so the process held here is Prosody itself.
        command.addAll(List.of("prosody", "--config", config.toString(), "-F"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        ProsodyProcess prosody = new ProsodyProcess(process, port, dir);
        try {
            prosody.awaitListening();
        } catch (IOException | InterruptedException | RuntimeException e) {
            prosody.close();
            throw e;
        }
        return prosody;
    }

    /** The configuration: issue 12's load set-up (no rate limits, room locking off). */
    static String config(Path dir, int port) {
        return """
                -- Written by the load generator (dev.mucengine.bench.load) for one run.
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                certificates = "%1$s/certs"
                interfaces = { "127.0.0.1" }
                local_interfaces = { "127.0.0.1" }
                c2s_ports = { %2$d }
                c2s_direct_tls_ports = { }
                legacy_ssl_ports = { }
                s2s_ports = { }
                s2s_direct_tls_ports = { }
                component_ports = { }
                http_ports = { }
                https_ports = { }
                -- No mod_limits (rate limits) and no TLS: the load set-up of issue 12.
                modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; }
                modules_disabled = { "s2s"; "limits"; }
                c2s_require_encryption = false
                allow_unencrypted_plain_auth = true
                authentication = "internal_plain"
                storage = "internal"
                -- The default accept backlog (128) overflows while thousands of clients connect.
                network_settings = { tcp_backlog = 4096; }
                log = { warn = "%1$s/prosody.log"; }
                VirtualHost "%3$s"
                Component "%4$s" "muc"
                	-- New rooms are usable at once, as an instant room.
                	muc_room_locking = false
                	-- Keep every live room in memory: the default (100) swaps the rest to disk.
                	muc_room_cache_size = 100000
                	muc_tombstones = false
                """.formatted(dir, port, DOMAIN, MUC_DOMAIN);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public OptionalLong liveHeapBytes() {
        return OptionalLong.empty();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("stdout.log")) + (Files.exists(dir.resolve("prosody.log"))
                    ? Files.readString(dir.resolve("prosody.log")) : "");
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
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

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        id.waitFor();
        return uid.equals("0");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
