package dev.mucengine.core.internal.room;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.ArchivePolicy;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.store.RoomStore;
import java.time.Instant;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * What a room handler may know beyond its room: the time of the stanza, where ids come from, the
 * service administrators, the limits and archive policy, and the store it may read (the one
 * synchronous read, docs/architecture.md). Built by the service per stanza. The home of the rules
 * on privilege: who counts as an owner, who may act as a moderator.
 */
public record RoomContext(Instant now, IdSource ids, Set<BareJid> serviceAdmins, Limits limits, ArchivePolicy archive,
        RoomStore store) {

    public RoomContext {
        serviceAdmins = Set.copyOf(serviceAdmins);
    }

    public boolean isServiceAdmin(Jid jid) {
        return serviceAdmins.contains(jid.asBareJid());
    }

    /**
     * Whether {@code actor} is kept from acting against {@code target}: a service administrator
     * answers to the service, not to the rooms, so no one but another administrator may ban,
     * kick or demote one (an owner could otherwise lock the service's own staff out).
     */
    public boolean shieldedFrom(Jid actor, Jid target) {
        return isServiceAdmin(target) && !isServiceAdmin(actor);
    }

    /**
     * The affiliation that decides what {@code jid} may do: its own, except that service
     * administrators act as owners of every room (XEP-0045 §5.2.1).
     */
    public Affiliation privilege(RoomView room, Jid jid) {
        return isServiceAdmin(jid) ? Affiliation.OWNER : room.affiliation(jid);
    }

    /**
     * Whether {@code jid} may act as a moderator: an occupant with the moderator role, or an
     * admin or owner of the room (XEP-0045 §5.1.1, §5.2.1), who need not be in the room.
     */
    public boolean actsAsModerator(RoomView room, Jid jid) {
        return privilege(room, jid).isAdminOrOwner()
                || room.occupantByRealJid(jid).map(o -> o.role() == Role.MODERATOR).orElse(false);
    }
}
