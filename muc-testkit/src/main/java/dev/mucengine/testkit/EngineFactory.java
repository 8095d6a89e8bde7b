package dev.mucengine.testkit;

import dev.mucengine.core.api.StanzaHandler;

/** Creates a fresh engine for each replayed script. */
@FunctionalInterface
public interface EngineFactory {

    StanzaHandler create(EngineSettings settings);

    /**
     * The engine the CLI and the project's own tests replay against: the one place to point at
     * the real engine once it exists.
     *
     * <p>Until then this is {@link PlaceholderEngine}, which answers every stanza with a
     * {@code service-unavailable} error, so every script that expects MUC behaviour fails.
     */
    static EngineFactory defaultFactory() {
        return PlaceholderEngine::new;
    }
}
