package dev.mucengine.core.service;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomIqHandler;
import dev.mucengine.core.internal.admin.AdminQuery;
import dev.mucengine.core.internal.admin.AffiliationChanges;
import dev.mucengine.core.internal.disco.RoomDisco;
import dev.mucengine.core.internal.disco.RoomItems;
import dev.mucengine.core.internal.owner.OwnerQuery;
import dev.mucengine.core.internal.owner.RoomDestruction;
import dev.mucengine.core.internal.register.Registration;
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
