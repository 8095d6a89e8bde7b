package dev.mucengine.server.component;

import java.util.Optional;

/** The server answered the handshake with a stream error (wrong secret, unknown domain...). */
final class HandshakeRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String condition;

    HandshakeRejectedException(String condition, Optional<String> text) {
        super("the server rejected the handshake: " + condition + text.map(t -> " (" + t + ")").orElse(""),
                null, false, false);
        this.condition = condition;
    }

    /**
     * A wrong secret or a domain the server does not know will not fix itself: retrying would
     * only fill the server's log. Anything else (e.g. {@code conflict} while the server still
     * holds our previous session) is worth another attempt.
     */
    boolean isPermanent() {
        return condition.equals("not-authorized") || condition.equals("host-unknown");
    }
}
