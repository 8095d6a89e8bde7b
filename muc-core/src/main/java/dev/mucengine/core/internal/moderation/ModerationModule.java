package dev.mucengine.core.internal.moderation;

import dev.mucengine.core.internal.archive.ArchiveModule;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;

/**
 * Message retraction in a room that archives: a moderator retracts any message by the stanza id
 * the room gave it (XEP-0425, both {@code urn:xmpp:message-moderate:1} and the earlier {@code :0}
 * that deployed clients still send), and an occupant retracts its own (XEP-0424). Either way the
 * archive keeps a tombstone in the message's place and discussion history forgets it.
 *
 * <p>Only a room that archives finds messages by stanza id (it stamps them, XEP-0359), so only
 * such a room advertises moderation; elsewhere every id is unknown: {@code item-not-found}.
 */
public final class ModerationModule implements RoomModule {

    @Override
    public String name() {
        return "moderation";
    }

    /**
     * XEP-0425 "Discovering support" (moderation, both versions) and XEP-0424 "Discovering support":
     * a service that archives retractions (and keeps tombstones) advertises the retraction namespace.
     */
    @Override
    public List<String> protocolFeatures(RoomView room) {
        return ArchiveModule.archives(room)
                ? List.of(RetractionNamespaces.MODERATE_0, RetractionNamespaces.MODERATE, RetractionNamespaces.RETRACT)
                : List.of();
    }

    @Override
    public Set<String> iqNamespaces() {
        return Set.of(RetractionNamespaces.MODERATE, RetractionNamespaces.FASTEN);
    }

    @Override
    public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        if (iq.type() != IqType.SET) {
            context.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("A moderation is an iq set")));
            return;
        }
        Checked<RetractionRequest> request = RetractionRequest.moderation(query, context.limits().maxReasonLength());
        if (request.refusal().isPresent()) {
            context.send(iq.errorReply(request.refusal().get()));
            return;
        }
        // XEP-0425 (use case): only a moderator (the role, XEP-0045 §5.1) may retract others' messages; the
        // announcement names it by its occupant JID, so it must be in the room.
        Optional<Occupant> moderator = context.room().occupantByRealJid(sender)
                .filter(o -> o.role() == Role.MODERATOR);
        if (moderator.isEmpty()) {
            context.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only moderators may retract others' messages")));
            return;
        }
        Optional<ArchivedMessage> original;
        try {
            // A room with archiving off finds no message, even one it archived before: it neither
            // advertises moderation nor answers archive queries then (ArchiveModule).
            original = ArchiveModule.archives(context.room()) ? find(context, request.value().id()) : Optional.empty();
        } catch (StoreUnavailableException e) {
            context.send(iq.errorReply(StanzaError.of(Condition.RESOURCE_CONSTRAINT)
                    .withText("The archive is unavailable; try again later")));
            return;
        }
        if (original.isEmpty()) {
            context.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)
                    .withText("This room has no message with that id")));
            return;
        }
        EntityFullJid by = context.room().occupantJid(moderator.get().nick());
        String byId = context.room().occupantId(moderator.get().realJid());
        Optional<String> reason = request.value().reason();
        context.retract(original.get().id(),
                RetractionElements.moderatedTombstone(original.get().message(), context.now(), by, byId, reason));
        // As for the engine's own changes (XEP-0045 §9): the consequences first, the result last.
        Message announcement = RetractionElements.announcement(context.room().jid(), context.nextId(),
                original.get().id(), by, byId, reason);
        for (Occupant occupant : context.room().occupants()) {
            context.send(announcement.withTo(occupant.realJid()));
        }
        context.send(iq.resultReply());
    }

    /**
     * XEP-0424 (retracting a message): a retraction is honoured only from the message's sender. The issue asks to
     * compare occupant ids (XEP-0421); an occupant id is a function of the room and the real bare
     * JID, so comparing the archived sender's real bare JID ({@link ArchivedMessage#realJid}) with
     * the retractor's is the same test, and does not depend on occupant ids being on. A room that
     * does not archive cannot check (it keeps no ids): it relays the retraction as sent, and
     * clients check the sender themselves (XEP-0424, "Security Considerations").
     */
    @Override
    public Optional<StanzaError> checkGroupchatReferences(ModuleContext context, Occupant sender, Message message) {
        Optional<RetractionRequest> retraction = RetractionRequest.own(message);
        if (retraction.isEmpty() || !ArchiveModule.archives(context.room())) {
            return Optional.empty();
        }
        Optional<ArchivedMessage> original;
        try {
            original = find(context, retraction.get().id());
        } catch (StoreUnavailableException e) {
            return Optional.of(StanzaError.of(Condition.RESOURCE_CONSTRAINT)
                    .withText("The archive is unavailable; try again later"));
        }
        if (original.isEmpty()) {
            return Optional.of(StanzaError.of(Condition.ITEM_NOT_FOUND).withText("This room has no message with that id"));
        }
        if (!sentBy(original.get(), sender)) {
            return Optional.of(StanzaError.of(Condition.FORBIDDEN).withText("Only its sender may retract a message"));
        }
        return Optional.empty();
    }

    /**
     * The retraction was relayed to every occupant as sent (XEP-0424: the room passes it on, and
     * archives it like any message with a body, so that clients catching up learn of it); the
     * original's place in the archive now holds its tombstone (XEP-0424, "Tombstones").
     */
    @Override
    public void groupchatSent(ModuleContext context, Occupant sender, Message reflected) {
        Optional<RetractionRequest> retraction = RetractionRequest.own(reflected);
        if (retraction.isEmpty() || !ArchiveModule.archives(context.room())) {
            return;
        }
        try {
            find(context, retraction.get().id()).filter(original -> sentBy(original, sender)).ifPresent(original ->
                    context.retract(original.id(), RetractionElements.ownTombstone(original.message(), context.now())));
        } catch (StoreUnavailableException e) {
            // Read a moment ago by the check: if the store failed since, the retraction was relayed
            // and clients apply it; the archive keeps the message, as it would without this module.
        }
    }

    private static boolean sentBy(ArchivedMessage original, Occupant sender) {
        return original.realJid().map(j -> j.asBareJid().equals(sender.realJid().asBareJid())).orElse(false);
    }

    /** The archived message with this stanza id, if the room's archive holds it. */
    private static Optional<ArchivedMessage> find(ModuleContext context, String id) {
        ArchiveQuery byId = new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(id), Optional.empty(), Optional.empty(), 1, false);
        return context.queryArchive(byId).flatMap(page -> page.messages().stream().findFirst());
    }
}
