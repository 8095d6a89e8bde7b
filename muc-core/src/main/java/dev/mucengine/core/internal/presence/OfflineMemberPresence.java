package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import java.util.Set;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Unavailable presence for an affiliated user who reserved a nickname but is not in the room:
 * sent when the room broadcasts presence for role "none", and in answer to a probe.
 */
final class OfflineMemberPresence {

    private OfflineMemberPresence() {
    }

    static Presence render(Room room, AffiliationEntry entry, Occupant recipient) {
        return render(room, entry, entry.reservedNick().orElseThrow(), recipient);
    }

    static Presence render(Room room, AffiliationEntry entry, Resourcepart nick, Occupant recipient) {
        MucItem item = MucItem.EMPTY.withAffiliation(entry.affiliation()).withRole(Role.NONE);
        if (room.seesRealJids(recipient)) {
            item = item.withJid(entry.jid());
        }
        item = item.withNick(nick.toString());
        return Presence.builder(PresenceType.UNAVAILABLE).from(room.occupantJid(nick)).to(recipient.realJid())
                .child(MucCodec.encode(MucUser.of(Set.of(), item)))
                .build();
    }
}
