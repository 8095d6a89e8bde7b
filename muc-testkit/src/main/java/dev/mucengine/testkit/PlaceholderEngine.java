package dev.mucengine.testkit;

import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import java.time.Instant;
import java.util.List;

/**
 * The placeholder until the real engine lands: answers every stanza with {@code
 * service-unavailable}, except errors (RFC 6120 §8.3.1: never answer an error with an error).
 */
final class PlaceholderEngine implements StanzaHandler {

    PlaceholderEngine(EngineSettings settings) {
        // Nothing to configure: the placeholder has no rooms.
    }

    @Override
    public List<Stanza> handle(Stanza stanza, Instant now) {
        if (stanza.isError() || stanza.from().isEmpty()) {
            return List.of();
        }
        return List.of(stanza.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
    }
}
