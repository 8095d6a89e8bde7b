package dev.mucengine.server.c2s;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The SASL part of stream negotiation (RFC 6120 §6.4) on one connection: turns {@code <auth/>},
 * {@code <response/>} and {@code <abort/>} into the element to send back, and remembers who
 * authenticated. Connection thread only.
 */
final class SaslExchange {

    private final Accounts accounts;
    private final SecureRandom random;
    private Optional<SaslMechanism> current = Optional.empty();
    private Optional<String> authenticated = Optional.empty();

    SaslExchange(Accounts accounts, SecureRandom random) {
        this.accounts = accounts;
        this.random = random;
    }

    /** Who authenticated, once a {@code <success/>} was answered. */
    Optional<String> authenticated() {
        return authenticated;
    }

    /** The answer to a SASL element; empty when the element is not a SASL one. */
    Optional<Element> handle(Element element) {
        if (!element.namespace().equals(StreamFeatures.SASL)) {
            return Optional.empty();
        }
        return Optional.of(switch (element.localName()) {
            case "auth" -> start(element);
            case "response" -> current.map(m -> answer(m, element)).orElseGet(() -> failure("malformed-request"));
            case "abort" -> failure("aborted");
            default -> failure("malformed-request");
        });
    }

    private Element start(Element auth) {
        String name = auth.attribute("mechanism").orElse("");
        Optional<SaslMechanism> mechanism = switch (name) {
            case PlainMechanism.NAME -> Optional.of(new PlainMechanism(accounts));
            case ScramSha1Mechanism.NAME -> Optional.of(new ScramSha1Mechanism(accounts::scram,
                    ScramSha1Mechanism.randomNonce(random)));
            default -> Optional.empty();
        };
        if (mechanism.isEmpty()) {
            return failure("invalid-mechanism");
        }
        current = mechanism;
        return answer(mechanism.get(), auth);
    }

    private Element answer(SaslMechanism mechanism, Element message) {
        byte[] data;
        try {
            String text = message.text().strip();
            data = text.equals("=") ? new byte[0] : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return failure("incorrect-encoding");
        }
        SaslStep step = mechanism.evaluate(data);
        if (step instanceof SaslStep.Challenge c) {
            return withData("challenge", c.data());
        }
        if (step instanceof SaslStep.Success s) {
            current = Optional.empty();
            authenticated = Optional.of(s.username());
            return withData("success", s.additionalData());
        }
        return failure(((SaslStep.Failure) step).condition());
    }

    private Element failure(String condition) {
        current = Optional.empty();
        return Element.builder(StreamFeatures.SASL, "failure")
                .child(Element.empty(StreamFeatures.SASL, condition)).build();
    }

    private static Element withData(String name, byte[] data) {
        ElementBuilder b = Element.builder(StreamFeatures.SASL, name);
        if (data.length > 0) {
            b.text(Base64.getEncoder().encodeToString(data));
        }
        return b.build();
    }
}
