package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.Occupant;
import java.util.Optional;

/**
 * What others see of an occupant with several sessions: the presence of its most available
 * session. When a session enters, changes status or leaves, the others hear of it only if that
 * shown presence changed (XEP-0045 §7.2.8 leaves this to the service; presence from one session
 * is not echoed to the others for nothing).
 */
final class SessionPresence {

    private SessionPresence() {
    }

    /**
     * Broadcasts the occupant's shown presence if it differs from {@code shownBefore}: to the
     * others (if its role's presence is broadcast) and to its sessions but {@code skip}.
     *
     * @return whether it was broadcast
     */
    static boolean announceIfChanged(Room room, Occupant shownBefore, Optional<Occupant> skip, Outbox out) {
        Optional<Occupant> shown = room.occupant(shownBefore.nick());
        if (shown.isEmpty() || sameShown(shownBefore, shown.get())) {
            return false;
        }
        PresenceChange change = PresenceChange.available(shown.get());
        if (room.config().presenceBroadcast().contains(shown.get().role())) {
            OccupantPresence.toOthers(room, change, out);
        }
        for (Occupant session : room.sessions(shownBefore.nick())) {
            if (skip.isEmpty() || !skip.get().realJid().equals(session.realJid())) {
                out.send(OccupantPresence.render(room, change, session));
            }
        }
        return true;
    }

    /**
     * The same presence as broadcast (the MUC elements aside). Which session carries it does not
     * count: another session taking over the same presence is no change others need to hear of.
     */
    private static boolean sameShown(Occupant before, Occupant after) {
        return OccupantPresence.payloadOf(before.presence()).equals(OccupantPresence.payloadOf(after.presence()));
    }
}
