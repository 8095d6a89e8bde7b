package dev.mucengine.core.service;

import dev.mucengine.core.room.Outbox;
import dev.mucengine.core.room.Room;
import dev.mucengine.core.room.RoomIqHandler;
import dev.mucengine.core.room.admin.AdminQuery;
import dev.mucengine.core.room.admin.AffiliationChanges;
import dev.mucengine.core.room.disco.RoomDisco;
import dev.mucengine.core.room.disco.RoomItems;
import dev.mucengine.core.room.owner.OwnerQuery;
import dev.mucengine.core.room.owner.RoomDestruction;
import dev.mucengine.core.room.register.Registration;
import java.util.List;
import java.util.Optional;

/** The iq features every room serves, wired together in one place. */
final class RoomFeatures {

    private RoomFeatures() {
    }

    static List<RoomIqHandler> iqHandlers() {
        AffiliationChanges affiliations = new AffiliationChanges();
        return List.of(new AdminQuery(affiliations), new OwnerQuery(affiliations), new Registration(),
                new RoomDisco(), new RoomItems());
    }

    /** Destroys a room on a service administrator's command (no reason, no alternate venue). */
    static void destroy(Room room, Outbox out) {
        RoomDestruction.destroy(room, Optional.empty(), out);
    }
}
