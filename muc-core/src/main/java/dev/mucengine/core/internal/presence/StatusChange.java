package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import java.util.Optional;

/**
 * An occupant changes availability or status text (XEP-0045 §7.7): the new presence is
 * broadcast. For an occupant with several sessions, see {@link SessionPresence}.
 */
final class StatusChange {

    private StatusChange() {
    }

    static void change(Room room, Occupant occupant, Presence presence, Outbox out) {
        Occupant updated = occupant.withPresence(presence);
        if (room.sessions(occupant.nick()).size() == 1) {
            room.update(updated);
            OccupantPresence.broadcast(room, PresenceChange.available(updated), out);
            return;
        }
        // Several sessions: the others see the most available one; this session's change shows
        // only if it changes that. The session itself always gets its presence back (110).
        Occupant shownBefore = room.occupant(occupant.nick()).orElseThrow();
        room.update(updated);
        SessionPresence.announceIfChanged(room, shownBefore, Optional.of(updated), out);
        out.send(OccupantPresence.render(room, PresenceChange.available(updated), updated));
    }
}
