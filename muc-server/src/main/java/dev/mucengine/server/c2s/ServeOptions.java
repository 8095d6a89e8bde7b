package dev.mucengine.server.c2s;

import dev.mucengine.core.service.Limits;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.StoreLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code serve} runs with.
 *
 * @param domain           the XMPP domain; the MUC service is {@code conference.<domain>}
 * @param port             the c2s port, 0 for any free one
 * @param bind             the address to listen on (loopback by default)
 * @param admins           {@code NAME:PASSWORD} administrator accounts
 * @param accountsFile     a file of {@code NAME:PASSWORD} lines
 * @param openRegistration allow XEP-0077 in-band registration
 * @param store            where rooms and archives are kept
 * @param limits           what each client, and all of them, may use
 * @param roomLimits       what the MUC service allows in rooms, and each user in creating them
 * @param engineThreads    how many engine threads the rooms are partitioned over (at least 1)
 * @param selectorThreads  how many selector threads own the connections (at least 1)
 */
public record ServeOptions(String domain, int port, String bind, List<Credential> admins,
        Optional<Path> accountsFile, boolean openRegistration, StoreLocation store, ServeLimits limits,
        Limits roomLimits, int engineThreads, int selectorThreads) {

    /** An account given on the command line or in a file. */
    public record Credential(String name, String password) {

        /** Parses {@code NAME:PASSWORD}; the password may contain colons. */
        public static Credential parse(String text) throws IllegalArgumentException {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("expected NAME:PASSWORD, got '" + text + "'");
            }
            return new Credential(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    public ServeOptions {
        admins = List.copyOf(admins);
        if (engineThreads < 1) {
            throw new IllegalArgumentException("at least one engine thread, not " + engineThreads);
        }
        if (selectorThreads < 1) {
            throw new IllegalArgumentException("at least one selector thread, not " + selectorThreads);
        }
    }

    /** Options with one selector thread per core ({@link #defaultSelectorThreads()}). */
    public ServeOptions(String domain, int port, String bind, List<Credential> admins, Optional<Path> accountsFile,
            boolean openRegistration, StoreLocation store, ServeLimits limits, Limits roomLimits, int engineThreads) {
        this(domain, port, bind, admins, accountsFile, openRegistration, store, limits, roomLimits, engineThreads,
                defaultSelectorThreads());
    }

    /** The default number of selector threads: one per core. */
    public static int defaultSelectorThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Options with one engine thread per core ({@link ConfinedEngine#defaultThreads()}). */
    public ServeOptions(String domain, int port, String bind, List<Credential> admins, Optional<Path> accountsFile,
            boolean openRegistration, StoreLocation store, ServeLimits limits, Limits roomLimits) {
        this(domain, port, bind, admins, accountsFile, openRegistration, store, limits, roomLimits,
                ConfinedEngine.defaultThreads());
    }

    /** Options with the MUC service's default limits ({@link Limits#DEFAULTS}). */
    public ServeOptions(String domain, int port, String bind, List<Credential> admins, Optional<Path> accountsFile,
            boolean openRegistration, StoreLocation store, ServeLimits limits) {
        this(domain, port, bind, admins, accountsFile, openRegistration, store, limits, Limits.DEFAULTS);
    }
}
