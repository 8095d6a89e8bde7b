package dev.mucengine.testkit;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A test double for queue behaviour: a message whose body is a number N makes it answer with N
 * messages (bodies 1..N) to the sender; everything else, including the time, is echoed back as
 * one message whose body is the instant.
 */
public final class BurstEngine implements StanzaHandler {

    public BurstEngine(EngineSettings settings) {
    }

    @Override
    public Effects handle(Stanza stanza, Instant now) {
        String body = stanza.element().childText(Stanza.CLIENT_NAMESPACE, "body").orElse("");
        int count = body.matches("\\d+") ? Integer.parseInt(body) : 0;
        List<Stanza> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(message(stanza, Integer.toString(i)));
        }
        if (count == 0) {
            out.add(message(stanza, now.toString()));
        }
        return new Effects(out, List.of());
    }

    private static Stanza message(Stanza request, String body) {
        Element e = Element.builder(Stanza.CLIENT_NAMESPACE, "message")
                .attribute("from", request.to().orElseThrow().toString())
                .attribute("to", request.from().orElseThrow().toString())
                .textChild(Stanza.CLIENT_NAMESPACE, "body", body)
                .build();
        return ((StanzaResult.Valid) Stanza.parse(e)).stanza();
    }
}
