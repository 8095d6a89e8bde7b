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

    public ReplayOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(serviceDomain, "serviceDomain");
        administrators = administrators.map(Set::copyOf);
        Objects.requireNonNull(start, "start");
        if (clockStep.isNegative()) {
            throw new IllegalArgumentException("clockStep must not be negative");
        }
    }

    /** Reference-tool queues, the default engine, {@code conference.<domain>}, frozen clock. */
    public static ReplayOptions defaults() {
        return new ReplayOptions(false, EngineFactory.defaultFactory(), Optional.empty(), Optional.empty(),
                true, DEFAULT_START, Duration.ZERO);
    }

    public ReplayOptions withStrict(boolean value) {
        return new ReplayOptions(value, engine, serviceDomain, administrators, stampAvatarUpdate, start, clockStep);
    }

    public ReplayOptions withEngine(EngineFactory value) {
        return new ReplayOptions(strict, value, serviceDomain, administrators, stampAvatarUpdate, start, clockStep);
    }

    public ReplayOptions withServiceDomain(DomainBareJid value) {
        return new ReplayOptions(strict, engine, Optional.of(value), administrators, stampAvatarUpdate, start,
                clockStep);
    }

    public ReplayOptions withAdministrators(Set<EntityBareJid> value) {
        return new ReplayOptions(strict, engine, serviceDomain, Optional.of(value), stampAvatarUpdate, start,
                clockStep);
    }

    public ReplayOptions withStampAvatarUpdate(boolean value) {
        return new ReplayOptions(strict, engine, serviceDomain, administrators, value, start, clockStep);
    }

    public ReplayOptions withClock(Instant newStart, Duration step) {
        return new ReplayOptions(strict, engine, serviceDomain, administrators, stampAvatarUpdate, newStart, step);
    }
}
