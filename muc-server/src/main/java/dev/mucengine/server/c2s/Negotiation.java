package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ChannelOutput;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stream before authentication: SASL, in-band registration, and STARTTLS refused. Failed SASL
 * attempts are slowed down per address ({@link AuthThrottle}) and counted per connection: after
 * {@link ServeLimits#maxAuthFailures()} (RFC 6120 §6.4.5 asks servers to allow between 2 and 5
 * retries) the stream ends with {@code policy-violation}. The wait before an attempt is the
 * connection's to keep ({@link #delayBefore}): a selector thread never sleeps. The connection's
 * selector thread only.
 */
final class Negotiation {

    private final ServerContext context;
    private final InetAddress address;
    private final ChannelOutput writer;
    private final Runnable liftInputLimit;
    private final Consumer<Optional<StreamError>> terminate;
    private final SaslExchange sasl;
    private int failures;

    /**
     * @param liftInputLimit lifts the connection's input limit, on success
     * @param terminate ends the stream, with the error if there is one
     */
    Negotiation(ServerContext context, InetAddress address, ChannelOutput writer, Runnable liftInputLimit,
            Consumer<Optional<StreamError>> terminate) {
        this.context = context;
        this.address = address;
        this.writer = writer;
        this.liftInputLimit = liftInputLimit;
        this.terminate = terminate;
        this.sasl = new SaslExchange(context.accounts(), context.random());
    }

    /** Handles one element; returns who authenticated if it completed SASL successfully. */
    Optional<String> handle(Element element) {
        if (element.namespace().equals(StreamFeatures.SASL)) {
            return sasl(element);
        }
        if (element.is(StreamFeatures.TLS, "starttls")) {
            // TLS is not offered; RFC 6120 §5.4.2.2 says fail and close.
            writer.send(Element.empty(StreamFeatures.TLS, "failure"));
            terminate.accept(Optional.empty());
            return Optional.empty();
        }
        Optional<Element> register = registration(element);
        if (register.isPresent()) {
            writer.send(register.get());
            return Optional.empty();
        }
        terminate.accept(Optional.of(StreamError.of(StreamErrorCondition.NOT_AUTHORIZED, "authenticate first")));
        return Optional.empty();
    }

    private Optional<String> sasl(Element element) {
        Element answer = sasl.handle(element).orElseThrow(); // every SASL element has an answer
        if (answer.localName().equals("failure")) {
            failures++;
            context.authThrottle().failed(address, System.nanoTime());
            writer.send(answer);
            if (failures >= context.limits().maxAuthFailures()) {
                terminate.accept(Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                        "too many failed authentication attempts")));
            }
            return Optional.empty();
        }
        writer.send(answer);
        if (answer.localName().equals("success")) {
            liftInputLimit.run();
            return sasl.authenticated();
        }
        return Optional.empty();
    }

    /**
     * How long to wait before handling {@code element}: an authentication attempt from an address
     * with recent failures waits ({@link AuthThrottle}); the connection reads nothing meanwhile.
     */
    Duration delayBefore(Element element) {
        if (!element.is(StreamFeatures.SASL, "auth")) {
            return Duration.ZERO;
        }
        return context.authThrottle().delay(address, System.nanoTime());
    }

    private Optional<Element> registration(Element element) {
        if (!context.openRegistration() || !element.is(Stanza.CLIENT_NAMESPACE, "iq")) {
            return Optional.empty();
        }
        if (ClientStanzas.lacksId(element)) {
            return ClientStanzas.refusal(element, StanzaError.of(Condition.BAD_REQUEST).withText("an iq needs an id"));
        }
        if (!(Stanza.parse(element) instanceof StanzaResult.Valid v && v.stanza() instanceof Iq iq)) {
            return Optional.empty();
        }
        return iq.query().filter(q -> q.is(InBandRegistration.NAMESPACE, "query"))
                .map(q -> context.registration().beforeAuthentication(iq, q, address, System.nanoTime()).element());
    }
}
