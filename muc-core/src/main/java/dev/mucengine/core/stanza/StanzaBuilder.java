package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.Jid;

/**
 * Builds a stanza from typed addresses, so a stanza the engine makes never needs its own
 * addresses re-parsed. Obtain one from {@link Message#builder}, {@link Presence#builder} or
 * {@link Iq#builder}. Attributes keep the order they were first set in; {@link #build()} may be
 * called more than once.
 *
 * @param <S> the kind of stanza built
 */
public final class StanzaBuilder<S extends Stanza> {

    /** Makes the typed view once the element is built. */
    interface Factory<S> {
        S create(Element element, Optional<Jid> from, Optional<Jid> to);
    }

    private final ElementBuilder element;
    private final Factory<S> factory;
    private @Nullable Jid from;
    private @Nullable Jid to;

    StanzaBuilder(String localName, Factory<S> factory) {
        this.element = Element.builder(Stanza.CLIENT_NAMESPACE, localName);
        this.factory = factory;
    }

    /**
     * Sets {@code from}.
     *
     * @param jid the sender's address
     * @return this builder
     */
    public StanzaBuilder<S> from(Jid jid) {
        this.from = jid;
        element.attribute("from", jid.toString());
        return this;
    }

    /**
     * Sets {@code to}.
     *
     * @param jid the recipient's address
     * @return this builder
     */
    public StanzaBuilder<S> to(Jid jid) {
        this.to = jid;
        element.attribute("to", jid.toString());
        return this;
    }

    /**
     * Sets {@code id}.
     *
     * @param id the stanza's id
     * @return this builder
     */
    public StanzaBuilder<S> id(String id) {
        element.attribute("id", id);
        return this;
    }

    StanzaBuilder<S> type(String wireType) {
        element.attribute("type", wireType);
        return this;
    }

    /**
     * Sets any other un-namespaced attribute. Do not set {@code from} or {@code to} here: the built
     * stanza's typed addresses would not follow. A namespaced attribute ({@code xml:lang}) cannot be
     * set through this builder.
     *
     * @param localName the attribute's name
     * @param value its value
     * @return this builder
     */
    public StanzaBuilder<S> attribute(String localName, String value) {
        element.attribute(localName, value);
        return this;
    }

    /**
     * Appends a child.
     *
     * @param node an element or text
     * @return this builder
     */
    public StanzaBuilder<S> child(Node node) {
        element.child(node);
        return this;
    }

    /**
     * Appends children, in order.
     *
     * @param nodes elements or texts
     * @return this builder
     */
    public StanzaBuilder<S> children(List<? extends Node> nodes) {
        element.children(nodes);
        return this;
    }

    /**
     * Appends {@code <localName>text</localName>} in the client namespace ({@code body},
     * {@code subject}, ...).
     *
     * @param localName the child's local name
     * @param text its text; empty gives an empty element
     * @return this builder
     */
    public StanzaBuilder<S> textChild(String localName, String text) {
        element.textChild(Stanza.CLIENT_NAMESPACE, localName, text);
        return this;
    }

    /**
     * The stanza as built so far.
     *
     * @return a new stanza
     */
    public S build() {
        return factory.create(element.build(), Optional.ofNullable(from), Optional.ofNullable(to));
    }
}
