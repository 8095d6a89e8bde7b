package dev.mucengine.core.service;

import dev.mucengine.core.internal.presence.RoomPresence;
import dev.mucengine.core.internal.room.Modules;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Creates a room for the first user who enters it (XEP-0045 §10.1), within the service's limits:
 * who may create rooms, how many rooms there may be, how many one user may have and how fast one
 * user may create them. Safe on any partition: the counts are taken atomically.
 */
final class RoomCreator {

    private final ServiceConfig config;
    private final Modules modules;
    private final RoomRegistry registry;
    private final RoomCreationRate creations = new RoomCreationRate();

    RoomCreator(ServiceConfig config, Modules modules, RoomRegistry registry) {
        this.config = config;
        this.modules = modules;
        this.registry = registry;
    }

    /** Creates the room {@code creator} enters, or answers why not. */
    void create(EntityBareJid roomJid, Presence presence, EntityFullJid creator, Resourcepart rawNick,
            RoomContext context, Outbox out) {
        Optional<Resourcepart> prepared = RoomPresence.validNick(roomJid, presence, rawNick, context, out);
        if (prepared.isEmpty()) {
            return;
        }
        Resourcepart nick = prepared.get();
        boolean admin = context.isServiceAdmin(creator);
        Optional<StanzaError> refusal = creationRefusal(creator.asBareJid(), admin, context);
        if (refusal.isPresent()) {
            out.send(presence.errorReply(refusal.get().withBy(roomJid.toString())));
            return;
        }
        Room room = new Room(roomJid, config.roomDefaults(), modules, Optional.of(creator.asBareJid()));
        room.setAffiliation(new AffiliationEntry(creator.asBareJid(), Affiliation.OWNER, Optional.empty(),
                Optional.empty()));
        // XEP-0045 §10.1.1: a MUC client gets a locked room to configure; a groupchat 1.0 client an instant one.
        room.setLocked(presence.payload(MucNamespaces.MUC, "x").isPresent());
        registry.add(room);
        RoomPresence.enterCreated(room, presence, creator, nick, context, out);
        registry.settle(room, out);
    }

    /**
     * Why {@code creator} may not create a room now, if they may not; if they may, the room's
     * place and the creator's counts are taken (atomically, as partitions may create rooms at once).
     */
    private Optional<StanzaError> creationRefusal(BareJid creator, boolean admin, RoomContext context) {
        Limits limits = config.limits();
        if (config.creation() == RoomCreation.ADMINS_ONLY && !admin) {
            return Optional.of(StanzaError.of(Condition.NOT_ALLOWED).withText("Room creation is restricted"));
        }
        if (!registry.reserveRoom(limits.maxRooms())) {
            return Optional.of(StanzaError.of(Condition.RESOURCE_CONSTRAINT).withText("Too many rooms"));
        }
        if (!registry.reserveCreator(creator, admin ? Integer.MAX_VALUE : limits.maxRoomsPerUser())) {
            registry.unreserveRoom();
            return Optional.of(StanzaError.of(Condition.NOT_ALLOWED).withText("You have created too many rooms"));
        }
        if (!admin && !creations.tryCreate(creator, context.now(), limits.roomCreationsPerMinute())) {
            registry.unreserveCreator(creator);
            registry.unreserveRoom();
            return Optional.of(StanzaError.of(Condition.RESOURCE_CONSTRAINT)
                    .withText("You are creating rooms too fast; try again in a minute"));
        }
        return Optional.empty();
    }
}
