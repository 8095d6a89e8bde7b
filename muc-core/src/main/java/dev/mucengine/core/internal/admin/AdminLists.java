package dev.mucengine.core.internal.admin;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * Answers muc#admin gets: an affiliation list ({@code <item affiliation='member'/>}, in the order
 * the entries were set) or a role list ({@code <item role='moderator'/>}, in join order).
 */
public final class AdminLists {

    public AdminLists() {
    }

    /** The reply to a get: the list, or the error. */
    public Iq answer(Room room, Iq iq, Element query, EntityFullJid requester, RoomContext context) {
        Optional<Element> item = query.child(MucNamespaces.MUC_ADMIN, "item");
        if (item.isEmpty()) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Which list?"));
        }
        Optional<String> affiliation = item.get().attribute("affiliation");
        Optional<String> role = item.get().attribute("role");
        if (affiliation.isPresent() == role.isPresent()) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Ask for an affiliation or a role"));
        }
        if (affiliation.isPresent()) {
            Optional<Affiliation> a = affiliation.flatMap(Affiliation::fromWire).filter(v -> v != Affiliation.NONE);
            if (a.isEmpty()) {
                return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Unknown affiliation list"));
            }
            if (!mayListAffiliation(room, requester, a.get(), context)) {
                return iq.errorReply(StanzaError.of(Condition.FORBIDDEN));
            }
            return iq.resultReply(affiliationList(room, a.get()));
        }
        Optional<Role> r = role.flatMap(Role::fromWire).filter(v -> v != Role.NONE);
        if (r.isEmpty()) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Unknown role list"));
        }
        if (!mayListRoles(room, requester, context)) {
            return iq.errorReply(StanzaError.of(Condition.FORBIDDEN));
        }
        return iq.resultReply(roleList(room, r.get()));
    }

    /**
     * Owners and admins see every list. In a members-only room where anyone may see real JIDs,
     * members see the owner, admin and member lists. The member list is also open to occupants
     * whose role the configuration names (muc#roomconfig_getmemberlist) and, per §9.5, to
     * occupants of a members-only room.
     */
    static boolean mayListAffiliation(Room room, EntityFullJid requester, Affiliation list, RoomContext context) {
        Affiliation privilege = context.privilege(room, requester);
        if (privilege.isAdminOrOwner()) {
            return true;
        }
        if (list == Affiliation.OUTCAST) {
            return false;
        }
        if (privilege == Affiliation.MEMBER && room.config().membersOnly() && room.config().whois() == Whois.ANYONE) {
            return true;
        }
        if (list != Affiliation.MEMBER) {
            return false;
        }
        Optional<Occupant> occupant = room.occupantByRealJid(requester);
        return occupant.isPresent()
                && (room.config().getMemberList().contains(occupant.get().role()) || room.config().membersOnly());
    }

    /** Role lists are for moderators (§8.5) and admins (§9.8). */
    static boolean mayListRoles(Room room, EntityFullJid requester, RoomContext context) {
        return context.privilege(room, requester).isAdminOrOwner()
                || room.occupantByRealJid(requester).map(o -> o.role() == Role.MODERATOR).orElse(false);
    }

    static Element affiliationList(Room room, Affiliation affiliation) {
        Element.Builder query = Element.builder(MucNamespaces.MUC_ADMIN, "query");
        for (AffiliationEntry entry : room.withAffiliation(affiliation)) {
            Element.Builder item = Element.builder(MucNamespaces.MUC_ADMIN, "item")
                    .attribute("affiliation", affiliation.wireName())
                    .attribute("jid", entry.jid().toString());
            entry.reservedNick().ifPresent(n -> item.attribute("nick", n.toString()));
            entry.reason().ifPresent(r -> item.textChild(MucNamespaces.MUC_ADMIN, "reason", r));
            query.child(item.build());
        }
        return query.build();
    }

    static Element roleList(Room room, Role role) {
        Element.Builder query = Element.builder(MucNamespaces.MUC_ADMIN, "query");
        for (Occupant o : room.occupants()) {
            if (o.role() == role) {
                query.child(Element.builder(MucNamespaces.MUC_ADMIN, "item")
                        .attribute("affiliation", room.affiliation(o.realJid()).wireName())
                        .attribute("jid", o.realJid().toString())
                        .attribute("nick", o.nick().toString())
                        .attribute("role", role.wireName())
                        .build());
            }
        }
        return query.build();
    }
}
