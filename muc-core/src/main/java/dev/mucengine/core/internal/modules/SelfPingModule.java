package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * XEP-0410 MUC self-ping, with the server optimization of §3.3: a client pings its own occupant
 * JID to learn whether it is still in the room, and the room answers itself instead of relaying
 * the ping to the client: a result if the sender (that very full JID) is joined under the
 * nickname, {@code not-acceptable} if it is not in the room at all. The error carries the room as
 * {@code by}, so the client knows the room, not some other client, said it. A ping from an
 * occupant to another occupant's JID is none of this: the room relays it as any iq (XEP-0045 §7.5).
 */
final class SelfPingModule implements RoomModule {

    @Override
    public String name() {
        return "self-ping";
    }

    @Override
    public List<String> protocolFeatures(RoomView room) {
        return List.of(MucNamespaces.MUC_SELF_PING);
    }

    @Override
    public Optional<Iq> answerOccupantIq(RoomView room, Iq request, EntityFullJid sender, Resourcepart nick) {
        if (request.type() != IqType.GET
                || !request.query().map(q -> q.is(XmppNamespaces.PING, "ping")).orElse(false)) {
            return Optional.empty();
        }
        Optional<Occupant> self = room.occupantByRealJid(sender);
        if (self.isEmpty()) {
            return Optional.of(request.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withBy(room.jid().toString()).withText("You are not in this room")));
        }
        boolean own = room.occupant(nick).map(o -> o.realJid().equals(sender)).orElse(false);
        return own ? Optional.of(request.resultReply()) : Optional.empty();
    }
}
