package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/** An {@code <iq/>} stanza. */
public final class Iq extends Stanza {

    private final IqType type;

    Iq(Element element, Optional<Jid> from, Optional<Jid> to) {
        super(element, from, to);
        this.type = element.attribute("type").map(IqType::fromWire).orElse(IqType.UNKNOWN);
    }

    /**
     * A builder for an iq of the given type; the caller sets the id.
     *
     * @param type the iq's type
     * @return a builder for a {@code jabber:client} iq
     * @throws IllegalArgumentException if {@code type} is {@link IqType#UNKNOWN}
     */
    public static StanzaBuilder<Iq> builder(IqType type) {
        if (type == IqType.UNKNOWN) {
            throw new IllegalArgumentException("cannot build an iq of unknown type");
        }
        return new StanzaBuilder<>("iq", Iq::new).type(type.wireName());
    }

    /**
     * The iq's type.
     *
     * @return the type; {@link IqType#UNKNOWN} if the attribute is missing or undefined
     */
    public IqType type() {
        return type;
    }

    /**
     * The single payload element of a get or set (the first child element), if any.
     *
     * @return the first child element, or empty
     */
    public Optional<Element> query() {
        for (Element e : element().elements()) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /**
     * What makes this iq an unanswerable request, if anything (RFC 6120 §8.2.3): a get or set
     * carries an id and exactly one payload element. An iq with two payloads would otherwise be
     * acted on by one of them and answered as if that were all it asked.
     *
     * @return {@code bad-request} with a text for a malformed get or set; empty otherwise
     */
    public Optional<StanzaError> requestError() {
        if (!type.isRequest()) {
            return Optional.empty();
        }
        if (id().filter(id -> !id.isEmpty()).isEmpty()) {
            return Optional.of(StanzaError.of(Condition.BAD_REQUEST).withText("An iq get or set needs an id"));
        }
        if (element().elements().size() != 1) {
            return Optional.of(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("An iq get or set carries exactly one payload element"));
        }
        return Optional.empty();
    }

    /**
     * An empty {@code type='result'} reply: same id, addresses swapped.
     *
     * @return the reply
     */
    public Iq resultReply() {
        return result().build();
    }

    /**
     * A {@code type='result'} reply carrying {@code payload}: same id, addresses swapped.
     *
     * @param payload the reply's child element
     * @return the reply
     */
    public Iq resultReply(Element payload) {
        return result().child(payload).build();
    }

    private StanzaBuilder<Iq> result() {
        StanzaBuilder<Iq> b = builder(IqType.RESULT);
        to().ifPresent(b::from);
        from().ifPresent(b::to);
        id().ifPresent(b::id);
        return b;
    }

    @Override
    public Iq withAddresses(Jid newFrom, Jid newTo) {
        return new Iq(readdressed(newFrom, newTo), Optional.of(newFrom), Optional.of(newTo));
    }

    @Override
    public Iq withTo(Jid newTo) {
        return new Iq(readdressed(from().orElse(null), newTo), from(), Optional.of(newTo));
    }

    /**
     * This iq with its id set (every other attribute and the payload kept): how a request forwarded
     * on someone's behalf gets an id of the forwarder's, and its answer the original id back.
     *
     * @param id the new id
     * @return the new iq
     */
    public Iq withId(String id) {
        return new Iq(element().withAttribute("id", id), from(), to());
    }

    /**
     * This stanza with its children replaced; addresses and attributes are kept.
     *
     * @param children the new children
     * @return the new iq
     */
    public Iq withChildren(List<? extends Node> children) {
        return new Iq(element().withChildren(children), from(), to());
    }

    @Override
    public Iq errorReply(StanzaError error) {
        return new Iq(errorElement(error), swappedFrom(), swappedTo());
    }
}
