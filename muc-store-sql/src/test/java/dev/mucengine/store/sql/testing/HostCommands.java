package dev.mucengine.store.sql.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the tests' throwaway servers (PostgreSQL here, Prosody in muc-server) need from the host:
 * a free loopback port, whether we are root, commands run to completion (as a service user when
 * root), and a Debian package installed when missing.
 */
public final class HostCommands {

    private HostCommands() {
    }

    /** A loopback port free right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Whether the tests run as root (as on CI). */
    public static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        id.waitFor();
        return uid.equals("0");
    }

    /**
     * {@code command} to run as {@code user} when we are root (through {@code setpriv}): servers
     * such as PostgreSQL refuse to run as root, and Prosody switches users on its own.
     */
    public static List<String> asUser(String user, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** Runs {@code command} to completion; fails with its output if it fails or takes too long. */
    public static void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + output);
        }
    }

    /** Installs a Debian package (as on a fresh CI machine); needs root. */
    public static void aptInstall(String debianPackage) throws IOException, InterruptedException {
        if (!isRoot()) {
            throw new IOException(debianPackage + " is not installed and installing it needs root: "
                    + "apt-get install -y " + debianPackage);
        }
        run(List.of("apt-get", "update"), 600);
        run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", debianPackage), 600);
    }
}
