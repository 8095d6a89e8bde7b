package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;

/** An occupant changes availability or status text (XEP-0045 §7.7): the new presence is broadcast. */
final class StatusChange {

    private StatusChange() {
    }

    static void change(Room room, Occupant occupant, Presence presence, Outbox out) {
        Occupant updated = occupant.withPresence(presence);
        room.update(updated);
        OccupantPresence.broadcast(room, PresenceChange.available(updated), out);
    }
}
