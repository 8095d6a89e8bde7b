package dev.mucengine.core.stanza;

import dev.mucengine.core.internal.config.Invalid;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.Node;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A typed, immutable view of a top-level stanza element. The element stays the source of truth;
 * the view adds parsed addresses and the type.
 *
 * <p>Stanzas live in the {@code jabber:client} namespace inside the model. Transports whose
 * stream uses another content namespace ({@code jabber:component:accept}) map it at the edge.
 */
public abstract sealed class Stanza permits Message, Presence, Iq {

    /** The namespace of stanzas, and of their {@code <body/>}, {@code <error/>}... children. */
    public static final String CLIENT_NAMESPACE = "jabber:client";

    private final Element element;
    private final Optional<Jid> from;
    private final Optional<Jid> to;

    Stanza(Element element, Optional<Jid> from, Optional<Jid> to) {
        this.element = Objects.requireNonNull(element, "element");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /**
     * Reads an element as a stanza. Never throws for bad input: an unknown element or a malformed
     * {@code from}/{@code to} address comes back as {@link StanzaResult.Invalid} carrying the
     * condition to answer with ({@code jid-malformed} for addresses).
     *
     * @param element a top-level element in the {@code jabber:client} namespace
     * @return the typed stanza, or why the element is not one: bad-request for an element other than
     *     message, presence and iq, jid-malformed for an empty or malformed address
     */
    public static StanzaResult parse(Element element) {
        return parse(element, null);
    }

    /**
     * Reads an element from a sender the host has authenticated, as {@link #parse(Element)} does
     * after setting its {@code from} to {@code sender}. The stanza keeps the host's own
     * {@code sender} object rather than parsing a copy of it, so that a room holding an occupant's
     * address shares the host's (a kilobyte per room counts, docs/performance.md).
     *
     * @param element a top-level element in the {@code jabber:client} namespace
     * @param sender the authenticated sender
     * @return the typed stanza, or why the element is not one, as for {@link #parse(Element)}
     */
    public static StanzaResult parseFrom(Element element, Jid sender) {
        return parse(element.withAttribute("from", sender.toString()), sender);
    }

    private static StanzaResult parse(Element element, @Nullable Jid sender) {
        if (!element.namespace().equals(CLIENT_NAMESPACE)) {
            return new StanzaResult.Invalid(element, StanzaError.of(Condition.BAD_REQUEST)
                    .withText("not a stanza: " + element.name()));
        }
        Optional<Jid> from;
        Optional<Jid> to;
        try {
            from = sender != null ? Optional.of(sender) : parseAddress(element, "from");
            to = parseAddress(element, "to");
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return new StanzaResult.Invalid(element, StanzaError.of(Condition.JID_MALFORMED)
                    .withText("malformed address"));
        }
        return switch (element.localName()) {
            case "message" -> new StanzaResult.Valid(new Message(element, from, to));
            case "presence" -> new StanzaResult.Valid(new Presence(element, from, to));
            case "iq" -> new StanzaResult.Valid(new Iq(element, from, to));
            default -> new StanzaResult.Invalid(element, StanzaError.of(Condition.BAD_REQUEST)
                    .withText("not a stanza: " + element.name()));
        };
    }

    private static Optional<Jid> parseAddress(Element element, String attribute)
            throws XmppStringprepException {
        Optional<String> raw = element.attribute(attribute);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get().isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        return Optional.of(JidCreate.from(raw.get()));
    }

    /**
     * The underlying element, addresses included.
     *
     * @return the element
     */
    public final Element element() {
        return element;
    }

    /**
     * The sender's address.
     *
     * @return the parsed {@code from} attribute, or empty if there is none
     */
    public final Optional<Jid> from() {
        return from;
    }

    /**
     * The recipient's address.
     *
     * @return the parsed {@code to} attribute, or empty if there is none
     */
    public final Optional<Jid> to() {
        return to;
    }

    /**
     * The stanza's id.
     *
     * @return the {@code id} attribute, or empty if there is none
     */
    public final Optional<String> id() {
        return element.attribute("id");
    }

    /**
     * The {@code type} attribute exactly as sent, if any.
     *
     * @return the attribute's value, or empty if there is none
     */
    public final Optional<String> rawType() {
        return element.attribute("type");
    }

    /**
     * The first child element with this qualified name.
     *
     * @param namespace the child's namespace
     * @param localName the child's local name
     * @return the child, or empty
     */
    public final Optional<Element> payload(String namespace, String localName) {
        return element.child(namespace, localName);
    }

    /**
     * True for {@code type='error'}.
     *
     * @return whether this is an error stanza
     */
    public final boolean isError() {
        return "error".equals(element.attribute("type").orElse(""));
    }

    /**
     * The error this stanza carries, if it is an error stanza with an {@code <error/>} child.
     *
     * @return the error, read leniently (see {@link StanzaError#fromElement}), or empty
     */
    public final Optional<StanzaError> error() {
        if (!isError()) {
            return Optional.empty();
        }
        return element.child(CLIENT_NAMESPACE, "error").map(StanzaError::fromElement);
    }

    /**
     * This stanza with new addresses; the payload is shared, not copied.
     *
     * @param newFrom the new {@code from}
     * @param newTo the new {@code to}
     * @return a stanza of the same kind, with both addresses replaced
     */
    public abstract Stanza withAddresses(Jid newFrom, Jid newTo);

    /**
     * This stanza with a new {@code to}; the payload is shared, not copied.
     *
     * @param newTo the new {@code to}
     * @return a stanza of the same kind, {@code from} kept
     */
    public abstract Stanza withTo(Jid newTo);

    /**
     * The error reply RFC 6120 §8.3.1 asks for: same kind and id, {@code from} and {@code to}
     * swapped, {@code type='error'}, the original payload kept and the error appended. An
     * {@code <error/>} the stanza already had is replaced. Do not answer an error stanza with one.
     *
     * @param error the error to carry
     * @return the reply
     */
    public abstract Stanza errorReply(StanzaError error);

    final Element readdressed(@Nullable Jid newFrom, @Nullable Jid newTo) {
        Element e = element;
        e = newFrom == null ? e.withoutAttribute("from") : e.withAttribute("from", newFrom.toString());
        e = newTo == null ? e.withoutAttribute("to") : e.withAttribute("to", newTo.toString());
        return e;
    }

    final Element errorElement(StanzaError error) {
        ElementBuilder b = Element.builder(element.name());
        for (Attribute a : element.attributes()) {
            String n = a.name().namespace().isEmpty() ? a.name().localName() : "";
            if (!n.equals("from") && !n.equals("to") && !n.equals("type")) {
                b.attribute(a.name(), a.value());
            }
        }
        to.ifPresent(j -> b.attribute("from", j.toString()));
        from.ifPresent(j -> b.attribute("to", j.toString()));
        b.attribute("type", "error");
        for (Node n : element.children()) {
            if (!(n instanceof Element child && child.is(CLIENT_NAMESPACE, "error"))) {
                b.child(n);
            }
        }
        b.child(error.toElement(CLIENT_NAMESPACE));
        return b.build();
    }

    final Optional<Jid> swappedFrom() {
        return to;
    }

    final Optional<Jid> swappedTo() {
        return from;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Stanza s && s.getClass() == getClass() && s.element.equals(element);
    }

    @Override
    public final int hashCode() {
        return element.hashCode();
    }

    @Override
    public final String toString() {
        return element.toString();
    }
}
