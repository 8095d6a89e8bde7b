package dev.mucengine.server.c2s;

/** What a SASL mechanism answers to one client message (RFC 6120 §6.4). */
sealed interface SaslStep {

    /** Send {@code <challenge/>} with this data and wait for a {@code <response/>}. */
    record Challenge(byte[] data) implements SaslStep {
    }

    /** Authenticated as {@code username}; {@code additionalData} goes into {@code <success/>}. */
    record Success(String username, byte[] additionalData) implements SaslStep {
    }

    /** Send {@code <failure/>} with this RFC 6120 §6.5 condition, e.g. {@code not-authorized}. */
    record Failure(String condition) implements SaslStep {
    }
}
