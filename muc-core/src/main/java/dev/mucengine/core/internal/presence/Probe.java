package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.ErrorType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Presence probes to an occupant JID: occupants get the target's current presence (an affiliated
 * user who reserved that nickname but is away is reported unavailable); non-occupants are refused
 * with not-acceptable, since they have no business seeing the room's presence.
 */
final class Probe {

    private Probe() {
    }

    static void probe(Room room, Optional<Occupant> prober, Presence probe, Optional<Resourcepart> target,
            Outbox out) {
        if (prober.isEmpty()) {
            // cancel, not modify: nothing the prober can change in this stanza would make it acceptable.
            out.send(probe.errorReply(StanzaError.of(ErrorType.CANCEL, Condition.NOT_ACCEPTABLE)
                    .withText("Only occupants may probe occupants")));
            return;
        }
        if (target.isEmpty()) {
            return;
        }
        Occupant recipient = prober.get();
        Optional<Occupant> occupant = room.occupant(target.get());
        if (occupant.isPresent()) {
            out.send(OccupantPresence.render(room, PresenceChange.available(occupant.get()), recipient, false));
            return;
        }
        Optional<Jid> reservedBy = room.reservedBy(target.get());
        if (reservedBy.isPresent()) {
            Optional<AffiliationEntry> entry = room.affiliationEntry(reservedBy.get());
            entry.ifPresent(e -> out.send(OfflineMemberPresence.render(room, e, target.get(), recipient)));
        }
    }
}
