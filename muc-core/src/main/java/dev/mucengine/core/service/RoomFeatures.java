package dev.mucengine.core.service;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.OccupantPresence;
import dev.mucengine.core.room.Outbox;
import dev.mucengine.core.room.PresenceChange;
import dev.mucengine.core.room.Room;
import dev.mucengine.core.room.RoomContext;
import dev.mucengine.core.room.RoomIqHandler;
import dev.mucengine.core.room.admin.AdminQuery;
import dev.mucengine.core.room.register.Registration;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/** The iq features every room serves, wired together in one place. */
final class RoomFeatures {

    private RoomFeatures() {
    }

    static List<RoomIqHandler> iqHandlers() {
        return List.of(new AdminQuery(), new Registration());
    }

    static void destroy(Room room, Optional<String> reason, Optional<Jid> alternate, RoomContext context,
            Outbox out) {
        Element.Builder destroy = Element.builder(MucNamespaces.MUC_USER, "destroy");
        alternate.ifPresent(j -> destroy.attribute("jid", j.toString()));
        reason.ifPresent(r -> destroy.textChild(MucNamespaces.MUC_USER, "reason", r));
        for (Occupant occupant : List.copyOf(room.occupants())) {
            PresenceChange change = PresenceChange.unavailable(occupant, List.of()).withDestroy(destroy.build());
            out.send(OccupantPresence.render(room, change, occupant));
        }
        room.markDestroyed();
    }
}
