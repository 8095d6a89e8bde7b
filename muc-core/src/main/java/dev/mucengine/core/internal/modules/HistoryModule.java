package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.HistoryRequest;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.xml.XmlWriter;

/**
 * Discussion history (XEP-0045 §7.2.13, §7.2.14): the room keeps its last groupchat messages
 * with a body or a subject (as many as the service's {@code historySize}) and sends them to an
 * occupant who enters, as much of them as its {@code <history/>} asks for, each with a XEP-0203
 * delay. {@code maxchars} counts the characters of each stanza as it is sent.
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

    private static History history(ModuleContext context) {
        return context.roomState(History.class, () -> new History(context.limits().historySize()));
    }
}
