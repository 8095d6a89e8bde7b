package dev.mucengine.server.cli;

import dev.mucengine.core.service.Limits;
import dev.mucengine.server.c2s.ServeLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The limits an operator of {@code serve} may change on the command line; the others keep their
 * defaults ({@link ServeLimits#DEFAULTS}, documented in docs/embedding.md).
 */
final class LimitOptions {

    static final String HELP = """
            Limits (defaults in parentheses; docs/embedding.md explains each):
            --max-connections N              client connections at once (%d)
            --max-connections-per-address N  connections at once from one IP address (%d)
            --max-unauthenticated N          connections at once still authenticating (%d)
            --auth-timeout SECONDS           time to authenticate and bind a resource (%d)
            --idle-timeout SECONDS           quiet time before the server pings a client (%d)
            --ping-timeout SECONDS           time to answer that ping, or anything (%d)
            --max-stanza-bytes N             size of one stanza (%d)
            --max-output-bytes N             output waiting for a client that does not read (%d)
            --registrations-per-address N    accounts one IP address may register per hour (%d)
            --rooms-per-user N               rooms one user may have created and not destroyed (%d)
            --room-creations-per-minute N    rooms one user may create in a minute (%d)
            """.formatted(ServeLimits.DEFAULTS.maxConnections(), ServeLimits.DEFAULTS.maxConnectionsPerAddress(),
            ServeLimits.DEFAULTS.maxUnauthenticated(), ServeLimits.DEFAULTS.authTimeout().toSeconds(),
            ServeLimits.DEFAULTS.idleTimeout().toSeconds(), ServeLimits.DEFAULTS.pingTimeout().toSeconds(),
            ServeLimits.DEFAULTS.maxStanzaBytes(), ServeLimits.DEFAULTS.maxOutputBytes(),
            ServeLimits.DEFAULTS.registrationsPerAddress(), Limits.DEFAULTS.maxRoomsPerUser(),
            Limits.DEFAULTS.roomCreationsPerMinute());

    private final Map<String, Long> values = new HashMap<>();

    /** Whether {@code option} is one of the limit options. */
    boolean accepts(String option) {
        return switch (option) {
            case "--max-connections", "--max-connections-per-address", "--max-unauthenticated", "--auth-timeout",
                    "--idle-timeout", "--ping-timeout", "--max-stanza-bytes", "--max-output-bytes",
                    "--registrations-per-address", "--rooms-per-user", "--room-creations-per-minute" -> true;
            default -> false;
        };
    }

    /** Records a limit option's value: a positive whole number. */
    void set(String option, String value) throws UsageException {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a positive whole number, got '" + value + "'");
        }
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new UsageException(option + " needs a positive whole number, got '" + value + "'");
        }
        values.put(option, n);
    }

    /** The defaults with what was given. */
    ServeLimits limits() throws UsageException {
        ServeLimits d = ServeLimits.DEFAULTS;
        try {
            return new ServeLimits(count("--max-connections", d.maxConnections()),
                    count("--max-connections-per-address", d.maxConnectionsPerAddress()),
                    count("--max-unauthenticated", d.maxUnauthenticated()),
                    seconds("--auth-timeout", d.authTimeout()), seconds("--idle-timeout", d.idleTimeout()),
                    seconds("--ping-timeout", d.pingTimeout()), count("--max-stanza-bytes", d.maxStanzaBytes()),
                    d.maxBytesBeforeAuthentication(), d.maxHeldInputBytes(),
                    values.getOrDefault("--max-output-bytes", d.maxOutputBytes()), d.maxTotalOutputBytes(),
                    d.maxAuthFailures(), d.authFailureDelay(),
                    count("--registrations-per-address", d.registrationsPerAddress()), d.registrationsPerHour(),
                    d.maxUsernameLength(), d.maxPasswordLength(), d.maxPrivateBytes(), d.maxPrivateKeys());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The MUC service's defaults with what was given. */
    Limits roomLimits() {
        Limits d = Limits.DEFAULTS;
        return d.withMaxRoomsPerUser(count("--rooms-per-user", d.maxRoomsPerUser()))
                .withRoomCreationsPerMinute(count("--room-creations-per-minute", d.roomCreationsPerMinute()));
    }

    private int count(String option, int fallback) {
        return values.getOrDefault(option, (long) fallback).intValue();
    }

    private Duration seconds(String option, Duration fallback) {
        Long n = values.get(option);
        return n == null ? fallback : Duration.ofSeconds(n);
    }
}
