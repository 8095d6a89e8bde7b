package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.Optional;
import java.util.Set;

/**
 * What a client may send once its stream is authenticated, before anything acts on it: a
 * stanza (RFC 6120 §4.9.3.24: any other first-level element ends the stream with
 * {@code unsupported-stanza-type}), and an iq with an id (§8.1.3: an iq request without one is
 * answered with {@code bad-request}).
 */
final class ClientStanzas {

    private static final Set<String> STANZAS = Set.of("message", "presence", "iq");

    private ClientStanzas() {
    }

    /** Whether {@code element} is a message, presence or iq of the stream's content namespace. */
    static boolean isStanza(Element element) {
        return element.namespace().equals(Stanza.CLIENT_NAMESPACE) && STANZAS.contains(element.localName());
    }

    /** Whether {@code element} is an iq without an {@code id}. */
    static boolean lacksId(Element element) {
        return element.is(Stanza.CLIENT_NAMESPACE, "iq") && element.attribute("id").isEmpty();
    }

    /**
     * The error reply to a stanza the server refuses before parsing it further: same kind and
     * id, type error. Empty for an error or an iq response, which are never answered with an
     * error (RFC 6120 §8.3.1).
     */
    static Optional<Element> refusal(Element stanza, StanzaError error) {
        String type = stanza.attribute("type").orElse("");
        if (type.equals("error") || stanza.localName().equals("iq") && type.equals("result")) {
            return Optional.empty();
        }
        ElementBuilder b = Element.builder(stanza.name()).attribute("type", "error");
        stanza.attribute("id").ifPresent(id -> b.attribute("id", id));
        b.child(error.toElement(Stanza.CLIENT_NAMESPACE));
        return Optional.of(b.build());
    }
}
