package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;

/** The outcome of reading an element as a stanza: a valid stanza, or the error to answer. */
public sealed interface StanzaResult permits StanzaResult.Valid, StanzaResult.Invalid {

    /**
     * The element was a well-addressed message, presence or iq.
     *
     * @param stanza the typed stanza
     */
    record Valid(Stanza stanza) implements StanzaResult {
    }

    /**
     * The element cannot be handled as a stanza: {@code error} says why, with the RFC 6120
     * condition to answer ({@code jid-malformed} for a bad address).
     *
     * @param element the element as read
     * @param error the error to answer with
     */
    record Invalid(Element element, StanzaError error) implements StanzaResult {
    }
}
