package dev.mucengine.core.internal.moderation;

import static dev.mucengine.core.internal.moderation.RetractionNamespaces.FASTEN;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.MODERATE;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.MODERATE_0;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.RETRACT;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.RETRACT_0;

import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * The retraction elements the room writes: the announcement of a moderation to the occupants and
 * the tombstones the archive keeps in place of a retracted message.
 *
 * <p>Both generations go into every announcement and tombstone, whichever one the request used:
 * the occupants' clients (and later archive readers) may speak either, independently of the
 * moderator's client, and a client ignores elements of a namespace it does not know (RFC 6120
 * §8.4), so one stanza with both tells every client exactly once.
 */
final class RetractionElements {

    /**
     * What a tombstone keeps of the original message besides its attributes: the ids clients use
     * to find the message it replaces (XEP-0359 stanza and origin ids) and who sent it (XEP-0421).
     */
    private static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";
    private static final Set<String> KEPT = Set.of("urn:xmpp:sid:0", OCCUPANT_ID);

    private RetractionElements() {
    }

    /**
     * The room's announcement of a moderated retraction (XEP-0425 1.x and 0.2, "Use case"): from the
     * room's bare JID, naming the moderator by its occupant JID and, in the 1.x form, its occupant id.
     */
    static Message announcement(EntityBareJid room, String announcementId, String retractedId,
            EntityFullJid moderator, String moderatorId, Optional<String> reason) {
        ElementBuilder retract = Element.builder(RETRACT, "retract").attribute("id", retractedId)
                .child(moderatedBy(moderator, moderatorId));
        reason.ifPresent(r -> retract.textChild(RETRACT, "reason", r));
        ElementBuilder moderated = Element.builder(MODERATE_0, "moderated").attribute("by", moderator.toString())
                .child(Element.empty(RETRACT_0, "retract"));
        reason.ifPresent(r -> moderated.textChild(MODERATE_0, "reason", r));
        Element applyTo = Element.builder(FASTEN, "apply-to").attribute("id", retractedId)
                .child(moderated.build()).build();
        return Message.builder(MessageType.GROUPCHAT).from(room).id(announcementId)
                .child(retract.build()).child(applyTo).build();
    }

    /**
     * XEP-0425 1.x {@code <moderated/>}: the moderator's occupant JID, and its occupant id
     * (XEP-0421), which stays the same when the moderator changes nickname or leaves.
     */
    private static Element moderatedBy(EntityFullJid moderator, String moderatorId) {
        return Element.builder(MODERATE, "moderated").attribute("by", moderator.toString())
                .child(Element.builder(OCCUPANT_ID, "occupant-id").attribute("id", moderatorId).build()).build();
    }

    /** The tombstone of a message a moderator retracted (XEP-0425 "Tombstones", 1.x and 0.2). */
    static Message moderatedTombstone(Message original, Instant at, EntityFullJid moderator, String moderatorId,
            Optional<String> reason) {
        String stamp = at.toString();
        ElementBuilder retracted = Element.builder(RETRACT, "retracted").attribute("stamp", stamp)
                .child(moderatedBy(moderator, moderatorId));
        reason.ifPresent(r -> retracted.textChild(RETRACT, "reason", r));
        ElementBuilder moderated = Element.builder(MODERATE_0, "moderated").attribute("by", moderator.toString())
                .attribute("stamp", stamp)
                .child(Element.builder(RETRACT_0, "retracted").attribute("stamp", stamp).build());
        reason.ifPresent(r -> moderated.textChild(MODERATE_0, "reason", r));
        return tombstone(original, List.of(retracted.build(), moderated.build()));
    }

    /**
     * The tombstone of a message its sender retracted (XEP-0424, "Tombstones"): the 1.x form
     * only. XEP-0424 0.2's {@code <retracted xmlns='urn:xmpp:message-retract:0'/>} must hold the
     * message's origin id, which a room does not always have; without it Smack 4.5's parser reads
     * past the element and drops the connection (found by SmackModerationInteropTest), so the earlier form appears only nested in a moderation's
     * {@code <moderated/>}, where no client parses it on its own.
     */
    static Message ownTombstone(Message original, Instant at) {
        return tombstone(original, List.of(Element.builder(RETRACT, "retracted").attribute("stamp", at.toString())
                .build()));
    }

    /** The original without its content (body, subject, any other payload), with the retraction marks added. */
    private static Message tombstone(Message original, List<Element> marks) {
        List<Node> children = new ArrayList<>();
        for (Element e : original.element().elements()) {
            if (KEPT.contains(e.namespace())) {
                children.add(e);
            }
        }
        children.addAll(marks);
        return original.withChildren(children);
    }
}
