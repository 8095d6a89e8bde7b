package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.Jid;

/**
 * Builds a stanza from typed addresses, so a stanza the engine makes never needs its own
 * addresses re-parsed. Obtain one from {@link Message#builder}, {@link Presence#builder} or
 * {@link Iq#builder}.
 */
public final class StanzaBuilder<S extends Stanza> {

    /** Makes the typed view once the element is built. */
    interface Factory<S> {
        S create(Element element, Optional<Jid> from, Optional<Jid> to);
    }

    private final Element.Builder element;
    private final Factory<S> factory;
    private @Nullable Jid from;
    private @Nullable Jid to;

    StanzaBuilder(String localName, Factory<S> factory) {
        this.element = Element.builder(Stanza.CLIENT_NAMESPACE, localName);
        this.factory = factory;
    }

    public StanzaBuilder<S> from(Jid jid) {
        this.from = jid;
        element.attribute("from", jid.toString());
        return this;
    }

    public StanzaBuilder<S> to(Jid jid) {
        this.to = jid;
        element.attribute("to", jid.toString());
        return this;
    }

    public StanzaBuilder<S> id(String id) {
        element.attribute("id", id);
        return this;
    }

    StanzaBuilder<S> type(String wireType) {
        element.attribute("type", wireType);
        return this;
    }

    /** Any other attribute ({@code xml:lang} through {@link Element.Builder#attribute(dev.mucengine.core.xml.XmlName, String)}). */
    public StanzaBuilder<S> attribute(String localName, String value) {
        element.attribute(localName, value);
        return this;
    }

    public StanzaBuilder<S> child(Node node) {
        element.child(node);
        return this;
    }

    public StanzaBuilder<S> children(List<? extends Node> nodes) {
        element.children(nodes);
        return this;
    }

    /** Appends {@code <localName>text</localName>} in the client namespace ({@code body}, {@code subject}, ...). */
    public StanzaBuilder<S> textChild(String localName, String text) {
        element.textChild(Stanza.CLIENT_NAMESPACE, localName, text);
        return this;
    }

    public S build() {
        return factory.create(element.build(), Optional.ofNullable(from), Optional.ofNullable(to));
    }
}
