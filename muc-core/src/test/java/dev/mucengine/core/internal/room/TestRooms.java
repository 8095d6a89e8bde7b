package dev.mucengine.core.internal.room;

import dev.mucengine.core.module.StandardModules;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Stanza;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/** Rooms with the standard modules, and the router's way in, for tests below the service. */
public final class TestRooms {

    /**
     * The standard modules, assembled, but for occupant ids: those have their own tests
     * (OccupantIdModuleTest), and the whole-stanza expectations of the others stay readable.
     */
    public static final Modules STANDARD = new Modules(StandardModules.without("occupant-id"),
            new OccupantIds("test-secret"));

    private TestRooms() {
    }

    public static Room room(EntityBareJid jid, RoomConfig config) {
        return new Room(jid, config, STANDARD, Optional.empty());
    }

    /** Handles a stanza to the room as the service does: from its sender's full JID, to the room or an occupant. */
    public static void handle(Room room, Stanza stanza, RoomContext context, Outbox out) {
        EntityFullJid sender = (EntityFullJid) stanza.from().orElseThrow();
        Optional<Resourcepart> nick = Optional.ofNullable(stanza.to().orElseThrow().getResourceOrNull());
        RoomRouter.handle(room, stanza, sender, nick, context, out);
    }
}
