package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/** A {@code <presence/>} stanza. */
public final class Presence extends Stanza {

    private final PresenceType type;

    Presence(Element element, Optional<Jid> from, Optional<Jid> to) {
        super(element, from, to);
        this.type = element.attribute("type").map(PresenceType::fromWire).orElse(PresenceType.AVAILABLE);
    }

    /**
     * A builder for a presence of the given type ({@link PresenceType#AVAILABLE}: no type attribute).
     *
     * @param type the presence's type
     * @return a builder for a {@code jabber:client} presence
     * @throws IllegalArgumentException if {@code type} is {@link PresenceType#UNKNOWN}
     */
    public static StanzaBuilder<Presence> builder(PresenceType type) {
        if (type == PresenceType.UNKNOWN) {
            throw new IllegalArgumentException("cannot build a presence of unknown type");
        }
        StanzaBuilder<Presence> b = new StanzaBuilder<>("presence", Presence::new);
        return type == PresenceType.AVAILABLE ? b : b.type(type.wireName());
    }

    /**
     * The presence's type.
     *
     * @return the type; {@link PresenceType#AVAILABLE} without the attribute,
     *     {@link PresenceType#UNKNOWN} for an undefined value
     */
    public PresenceType type() {
        return type;
    }

    /**
     * {@code <show/>} text (away, chat, dnd, xa), if present.
     *
     * @return the text of the first {@code <show/>}, or empty
     */
    public Optional<String> show() {
        return element().childText(CLIENT_NAMESPACE, "show");
    }

    /**
     * {@code <status/>} text, if present.
     *
     * @return the text of the first {@code <status/>}, or empty
     */
    public Optional<String> status() {
        return element().childText(CLIENT_NAMESPACE, "status");
    }

    @Override
    public Presence withAddresses(Jid newFrom, Jid newTo) {
        return new Presence(readdressed(newFrom, newTo), Optional.of(newFrom), Optional.of(newTo));
    }

    @Override
    public Presence withTo(Jid newTo) {
        return new Presence(readdressed(from().orElse(null), newTo), from(), Optional.of(newTo));
    }

    /**
     * This presence with its id set (every other attribute and the payload kept).
     *
     * @param id the new id
     * @return the new presence
     */
    public Presence withId(String id) {
        return new Presence(element().withAttribute("id", id), from(), to());
    }

    /**
     * This stanza with its children replaced; addresses and attributes are kept.
     *
     * @param children the new children
     * @return the new presence
     */
    public Presence withChildren(List<? extends Node> children) {
        return new Presence(element().withChildren(children), from(), to());
    }

    @Override
    public Presence errorReply(StanzaError error) {
        return new Presence(errorElement(error), swappedFrom(), swappedTo());
    }
}
