package dev.mucengine.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * How scripts are replayed. Start from {@link #defaults()} and change what you need.
 *
 * @param strict plain first-in-first-out queues, nothing discarded, unconsumed stanzas fail the
 *     script; off by default, which reproduces the reference tool's reads (see docs/testkit.md)
 * @param engine creates the engine under test
 * @param serviceDomain the MUC service's domain; default {@code conference.<users' domain>}
 * @param administrators the service administrators; default {@code admin@<users' domain>}
 * @param stampAvatarUpdate add {@code <x xmlns='vcard-temp:x:update'><photo/></x>} to available
 *     presence users send, as the corpus's server does; on by default
 * @param start the fixed time of the first step
 * @param clockStep how far the clock advances per step; zero (a frozen clock) by default
 */
public record ReplayOptions(
        boolean strict,
        EngineFactory engine,
        Optional<DomainBareJid> serviceDomain,
        Optional<Set<EntityBareJid>> administrators,
        boolean stampAvatarUpdate,
        Instant start,
        Duration clockStep) {

    /** The default fixed clock: transcripts and history timestamps are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Checks the options.
     *
     * @param strict whether queues are strict
     * @param engine creates the engine under test
     * @param serviceDomain the service's domain, or empty for the default
     * @param administrators the administrators, or empty for the default
     * @param stampAvatarUpdate whether available presence gets the avatar update element
     * @param start the time of the first step
     * @param clockStep how far the clock advances per step
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code clockStep} is negative
     */
    public ReplayOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(serviceDomain, "serviceDomain");
        administrators = administrators.map(Set::copyOf);
        Objects.requireNonNull(start, "start");
        if (clockStep.isNegative()) {
            throw new IllegalArgumentException("clockStep must not be negative");
        }
    }

    /**
     * Reference-tool queues, the default engine, {@code conference.<domain>}, avatar update stamped,
     * frozen clock at {@link #DEFAULT_START}.
     *
     * @return the default options
     */
    public static ReplayOptions defaults() {
        return new ReplayOptions(false, EngineFactory.defaultFactory(), Optional.empty(), Optional.empty(),
                true, DEFAULT_START, Duration.ZERO);
    }

    /**
     * These options with strict queues on or off.
     *
     * @param value true for first-in-first-out queues that fail on unread stanzas
     * @return a copy with {@code value}
     */
    public ReplayOptions withStrict(boolean value) {
        return new ReplayOptions(value, engine, serviceDomain, administrators, stampAvatarUpdate, start, clockStep);
    }

    /**
     * These options with another engine under test.
     *
     * @param value creates the engine for each script
     * @return a copy with {@code value}
     */
    public ReplayOptions withEngine(EngineFactory value) {
        return new ReplayOptions(strict, value, serviceDomain, administrators, stampAvatarUpdate, start, clockStep);
    }

    /**
     * These options with a fixed service domain instead of {@code conference.<users' domain>}.
     *
     * @param value the MUC service's domain
     * @return a copy with {@code value}
     */
    public ReplayOptions withServiceDomain(DomainBareJid value) {
        return new ReplayOptions(strict, engine, Optional.of(value), administrators, stampAvatarUpdate, start,
                clockStep);
    }

    /**
     * These options with fixed service administrators instead of {@code admin@<users' domain>}.
     *
     * @param value the administrators' bare JIDs; may be empty
     * @return a copy with {@code value}
     */
    public ReplayOptions withAdministrators(Set<EntityBareJid> value) {
        return new ReplayOptions(strict, engine, serviceDomain, Optional.of(value), stampAvatarUpdate, start,
                clockStep);
    }

    /**
     * These options with the avatar update stamp on or off.
     *
     * @param value whether available presence users send gets the {@code vcard-temp:x:update} element
     * @return a copy with {@code value}
     */
    public ReplayOptions withStampAvatarUpdate(boolean value) {
        return new ReplayOptions(strict, engine, serviceDomain, administrators, value, start, clockStep);
    }

    /**
     * These options with another clock: step {@code i} (from 0) runs at
     * {@code newStart + i * step}.
     *
     * @param newStart the time of the first step
     * @param step how far the clock advances per step; not negative
     * @return a copy with the clock
     */
    public ReplayOptions withClock(Instant newStart, Duration step) {
        return new ReplayOptions(strict, engine, serviceDomain, administrators, stampAvatarUpdate, newStart, step);
    }
}
