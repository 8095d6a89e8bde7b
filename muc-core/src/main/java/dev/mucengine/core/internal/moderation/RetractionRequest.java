package dev.mucengine.core.internal.moderation;

import static dev.mucengine.core.internal.moderation.RetractionNamespaces.FASTEN;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.MODERATE;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.MODERATE_0;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.RETRACT;
import static dev.mucengine.core.internal.moderation.RetractionNamespaces.RETRACT_0;

import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.xml.Element;
import java.util.Optional;

/**
 * A request to retract one message of the room, as read from the wire.
 *
 * @param id the stanza id (XEP-0359) the room gave the message
 * @param reason why, as the moderator wrote it (XEP-0425 only)
 */
record RetractionRequest(String id, Optional<String> reason) {

    /**
     * A moderator's request, the iq payload: XEP-0425 1.x {@code <moderate id><retract/><reason/>}
     * or 0.2 {@code <apply-to id><moderate><retract/><reason/></moderate></apply-to>}. Only
     * retraction is defined, so a moderation without {@code <retract/>} is a bad request.
     */
    static Checked<RetractionRequest> moderation(Element payload, int maxReasonLength) {
        Element moderate;
        String retractNamespace;
        if (payload.is(MODERATE, "moderate")) {
            moderate = payload;
            retractNamespace = RETRACT;
        } else if (payload.is(FASTEN, "apply-to") && payload.child(MODERATE_0, "moderate").isPresent()) {
            moderate = payload.child(MODERATE_0, "moderate").get();
            retractNamespace = RETRACT_0;
        } else {
            return Checked.refused(Condition.BAD_REQUEST, "Expected a moderation (urn:xmpp:message-moderate:1 or :0)");
        }
        Optional<String> id = payload.attribute("id").filter(v -> !v.isEmpty());
        if (id.isEmpty()) {
            return Checked.refused(Condition.BAD_REQUEST, "The moderation names no message id");
        }
        if (moderate.child(retractNamespace, "retract").isEmpty()) {
            return Checked.refused(Condition.BAD_REQUEST, "Only retraction is supported as a moderation");
        }
        Optional<String> reason = moderate.childText(moderate.namespace(), "reason").filter(r -> !r.isBlank());
        if (reason.filter(r -> r.length() > maxReasonLength).isPresent()) {
            return Checked.refused(Condition.NOT_ACCEPTABLE, "The reason is too long");
        }
        return Checked.accepted(new RetractionRequest(id.get(), reason));
    }

    /**
     * The retraction an occupant's groupchat message asks for, if any: XEP-0424 1.x
     * {@code <retract id/>} or 0.2 {@code <apply-to id><retract/></apply-to>}.
     */
    static Optional<RetractionRequest> own(Message message) {
        Optional<String> id = message.payload(RETRACT, "retract").flatMap(r -> r.attribute("id"));
        if (id.isEmpty()) {
            id = message.payload(FASTEN, "apply-to")
                    .filter(a -> a.child(RETRACT_0, "retract").isPresent())
                    .flatMap(a -> a.attribute("id"));
        }
        return id.filter(v -> !v.isEmpty()).map(v -> new RetractionRequest(v, Optional.empty()));
    }
}
