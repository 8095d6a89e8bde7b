package dev.mucengine.core.internal.presence;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.xml.Element;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Unavailable presence for an affiliated user who reserved a nickname but is not in the room:
 * sent when the room broadcasts presence for role "none", and in answer to a probe.
 */
final class OfflineMemberPresence {

    private OfflineMemberPresence() {
    }

    static Presence render(Room room, AffiliationEntry entry, Occupant recipient) {
        Resourcepart nick = entry.reservedNick().orElseThrow();
        return render(room, entry, nick, recipient.realJid(), OccupantPresence.seesRealJids(room, recipient));
    }

    static Presence render(Room room, AffiliationEntry entry, Resourcepart nick, Jid to, boolean seesJid) {
        Element.Builder item = Element.builder(MucNamespaces.MUC_USER, "item")
                .attribute("affiliation", entry.affiliation().wireName())
                .attribute("role", Role.NONE.wireName())
                .attribute("nick", nick.toString());
        if (seesJid) {
            item.attribute("jid", entry.jid().toString());
        }
        EntityFullJid from = JidCreate.entityFullFrom(room.jid(), nick);
        return Presence.builder(PresenceType.UNAVAILABLE).from(from).to(to)
                .child(Element.builder(MucNamespaces.MUC_USER, "x").child(item.build()).build())
                .build();
    }
}
