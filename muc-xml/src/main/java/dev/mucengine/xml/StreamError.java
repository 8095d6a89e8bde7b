package dev.mucengine.xml;

import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import java.util.Objects;
import java.util.Optional;

/**
 * A stream-level error: the condition to send to the peer and an optional human-readable text.
 * The text produced by the parser describes the problem for logs; it never contains input bytes
 * beyond a short excerpt, so it is safe to send.
 *
 * @param condition the RFC 6120 §4.9.3 condition
 * @param text the human-readable text, if any
 */
public record StreamError(StreamErrorCondition condition, Optional<String> text) {

    /** The namespace of the {@code <stream:*>} elements. */
    public static final String STREAMS_NAMESPACE = XmppNamespaces.STREAMS;
    /** The namespace of the condition and text children of {@code <stream:error/>}. */
    public static final String ERROR_NAMESPACE = "urn:ietf:params:xml:ns:xmpp-streams";

    /**
     * Checks the error.
     *
     * @param condition the condition
     * @param text the text, if any
     * @throws NullPointerException if an argument is null
     */
    public StreamError {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }

    /**
     * An error without text.
     *
     * @param condition the condition
     * @return the error
     */
    public static StreamError of(StreamErrorCondition condition) {
        return new StreamError(condition, Optional.empty());
    }

    /**
     * An error with a text.
     *
     * @param condition the condition
     * @param text the human-readable text, sent in English ({@code xml:lang='en'})
     * @return the error
     */
    public static StreamError of(StreamErrorCondition condition, String text) {
        return new StreamError(condition, Optional.of(text));
    }

    /**
     * The {@code <stream:error>} element, ready for {@link XmlSerializer#toXmlInStream}: the condition,
     * then the text if there is one.
     *
     * @return the element
     */
    public Element toElement() {
        ElementBuilder b = Element.builder(STREAMS_NAMESPACE, "error")
                .child(Element.empty(ERROR_NAMESPACE, condition.wireName()));
        text.ifPresent(t -> b.child(Element.builder(ERROR_NAMESPACE, "text")
                .attribute(XmlName.xmlLang(), "en").text(t).build()));
        return b.build();
    }
}
