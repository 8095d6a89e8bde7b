package dev.mucengine.core.internal.modules;

import dev.mucengine.core.internal.archive.ArchiveModule;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.service.ArchivePolicy;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.HistoryRequest;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.XmlWriter;

/**
 * Discussion history (XEP-0045 §7.2.13, §7.2.14): the room keeps its last groupchat messages
 * with a body or a subject (as many as the service's {@code historySize}) and sends them to an
 * occupant who enters, as much of them as its {@code <history/>} asks for, each with a XEP-0203
 * delay. {@code maxchars} counts the characters of each stanza as it is sent. A room that archives
 * starts its history from its archive.
 */
final class HistoryModule implements RoomModule {

    @Override
    public String name() {
        return "history";
    }

    @Override
    public void entered(ModuleContext context, Occupant occupant, Presence joinPresence) {
        HistoryRequest request = joinPresence.payload(MucNamespaces.MUC, "x")
                .map(x -> MucCodec.decodeJoin(x).history())
                .orElse(HistoryRequest.EVERYTHING);
        History history = history(context);
        if (ArchiveModule.archives(context.room())) {
            // History shows the archive's newest messages: what retention deleted is gone here too.
            ArchivePolicy policy = context.archivePolicy();
            history.retain(policy.maxAge().map(context.now()::minus), policy.maxMessagesPerRoom());
        }
        for (History.Entry entry : history.select(request, context.now(),
                e -> XmlWriter.length(History.delivery(e, context.room().jid(), occupant.realJid()).element()))) {
            context.send(History.delivery(entry, context.room().jid(), occupant.realJid()));
        }
    }

    @Override
    public void groupchatSent(ModuleContext context, Occupant sender, Message reflected) {
        if (reflected.body().isPresent() || reflected.subject().isPresent()) {
            history(context).append(reflected, context.now());
        }
    }

    /**
     * A subject change is archived, not kept in history; the history is started all the same, so
     * that a room loaded from its record starts it from the archive as it was before the room's
     * first change to it: what the history holds then does not depend on when that change is stored.
     */
    @Override
    public void subjectChanged(ModuleContext context, Occupant sender, Message reflected) {
        history(context);
    }

    /** A retracted message (XEP-0424, XEP-0425) leaves history as it leaves the archive. */
    @Override
    public void messageRetracted(ModuleContext context, String id) {
        history(context).remove(m -> ArchiveModule.stanzaId(m, context.room().jid()).filter(id::equals).isPresent());
    }

    /**
     * The room's history. A room that archives starts it from the archive's newest messages, so
     * that history survives a restart and tells the same story as the archive (XEP-0313): the
     * archive is the one store of messages, history its newest few kept at hand.
     */
    private static History history(ModuleContext context) {
        return context.roomState(History.class, () -> {
            try {
                return History.fromArchive(context.limits().historySize(), context::queryArchive);
            } catch (StoreUnavailableException e) {
                // The occupant is already in: better no history than a failed entry. The
                // archive still has the messages, for a XEP-0313 query once the store is back.
                return new History(context.limits().historySize());
            }
        });
    }
}
