package dev.mucengine.core.internal.owner;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * Destroys a room (XEP-0045 §10.9): every occupant, in join order, is told of its own removal
 * only, by unavailable presence carrying {@code <destroy/>} (with the alternate venue and reason
 * when given), its item with role none and status 110; then the room is emptied and marked
 * destroyed. Used by the owner's muc#owner request, by cancelling a new room's configuration and
 * by a service administrator's command. Sends no iq reply: the caller answers its own request.
 */
public final class RoomDestruction {

    private RoomDestruction() {
    }

    /**
     * @param alternate a room that replaces this one, if any
     * @param reason the reason shown to occupants; without one the element is {@code <destroy/>}
     * @param password the alternate room's password, passed on to occupants
     */
    public static void destroy(Room room, Optional<Jid> alternate, Optional<String> reason, Optional<String> password,
            Outbox out) {
        Element destroy = destroyElement(alternate, reason, password);
        List<Occupant> occupants = List.copyOf(room.occupants());
        for (Occupant occupant : occupants) {
            PresenceChange change = PresenceChange.unavailable(occupant, List.of()).withDestroy(destroy);
            out.send(OccupantPresence.render(room, change, occupant));
        }
        for (Occupant occupant : occupants) {
            room.remove(occupant);
        }
        room.markDestroyed();
    }

    /** Destruction without an alternate venue, as a service administrator's command does it. */
    public static void destroy(Room room, Optional<String> reason, Outbox out) {
        destroy(room, Optional.empty(), reason, Optional.empty(), out);
    }

    /** The {@code <destroy/>} element of muc#user presence. */
    static Element destroyElement(Optional<Jid> alternate, Optional<String> reason, Optional<String> password) {
        Element.Builder b = Element.builder(MucNamespaces.MUC_USER, "destroy");
        alternate.ifPresent(j -> b.attribute("jid", j.toString()));
        reason.ifPresent(r -> b.textChild(MucNamespaces.MUC_USER, "reason", r));
        password.ifPresent(p -> b.textChild(MucNamespaces.MUC_USER, "password", p));
        return b.build();
    }
}
