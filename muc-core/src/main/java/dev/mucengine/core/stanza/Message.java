package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/** A {@code <message/>} stanza. */
public final class Message extends Stanza {

    private final MessageType type;

    Message(Element element, Optional<Jid> from, Optional<Jid> to) {
        super(element, from, to);
        this.type = MessageType.fromWire(element.attribute("type").orElse("normal"));
    }

    /**
     * A builder for a message of the given type ({@link MessageType#NORMAL}: no type attribute).
     *
     * @param type the message's type
     * @return a builder for a {@code jabber:client} message
     */
    public static StanzaBuilder<Message> builder(MessageType type) {
        StanzaBuilder<Message> b = new StanzaBuilder<>("message", Message::new);
        return type == MessageType.NORMAL ? b : b.type(type.wireName());
    }

    /**
     * The message's type.
     *
     * @return the type; {@link MessageType#NORMAL} if the attribute is missing or unknown
     */
    public MessageType type() {
        return type;
    }

    /**
     * The text of the first {@code <body/>} child, whatever its {@code xml:lang}.
     *
     * @return the text, or empty if there is no body (an empty body gives an empty string)
     */
    public Optional<String> body() {
        return element().childText(CLIENT_NAMESPACE, "body");
    }

    /**
     * The text of the first {@code <subject/>} child, if present (may be empty).
     *
     * @return the text, or empty if there is no subject element
     */
    public Optional<String> subject() {
        return element().childText(CLIENT_NAMESPACE, "subject");
    }

    @Override
    public Message withAddresses(Jid newFrom, Jid newTo) {
        return new Message(readdressed(newFrom, newTo), Optional.of(newFrom), Optional.of(newTo));
    }

    @Override
    public Message withTo(Jid newTo) {
        return new Message(readdressed(from().orElse(null), newTo), from(), Optional.of(newTo));
    }

    /**
     * This message with its id set (every other attribute and the payload kept).
     *
     * @param id the new id
     * @return the new message
     */
    public Message withId(String id) {
        return new Message(element().withAttribute("id", id), from(), to());
    }

    /**
     * This stanza with its children replaced; addresses and attributes are kept.
     *
     * @param children the new children
     * @return the new message
     */
    public Message withChildren(List<? extends Node> children) {
        return new Message(element().withChildren(children), from(), to());
    }

    @Override
    public Message errorReply(StanzaError error) {
        return new Message(errorElement(error), swappedFrom(), swappedTo());
    }
}
