package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * Answers muc#admin gets: an affiliation list ({@code <item affiliation='member'/>}, in the order
 * the entries were set, XEP-0045 §9.2, §9.5, §10.5, §10.8) or a role list
 * ({@code <item role='moderator'/>}, in join order, §8.5, §9.8).
 */
final class AdminLists {

    private static final String UNKNOWN_AFFILIATION = "Unknown affiliation list";
    private static final String UNKNOWN_ROLE = "Unknown role list";

    private AdminLists() {
    }

    /** The reply to a get: the list, or the error. */
    static Iq answer(ModuleContext context, Iq iq, Element query, EntityFullJid requester) {
        Optional<Element> element = query.child(MucNamespaces.MUC_ADMIN, "item");
        if (element.isEmpty()) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Which list?"));
        }
        Checked<MucItem> decoded = MucCodec.decodeItem(element.get());
        if (decoded.refusal().isPresent()) {
            return iq.errorReply(decoded.refusal().get().withText(element.get().attribute("affiliation").isPresent()
                    ? UNKNOWN_AFFILIATION : UNKNOWN_ROLE));
        }
        MucItem item = decoded.value();
        if (item.affiliation().isPresent() == item.role().isPresent()) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Ask for an affiliation or a role"));
        }
        RoomView room = context.room();
        if (item.affiliation().isPresent()) {
            Affiliation list = item.affiliation().get();
            if (list == Affiliation.NONE) {
                return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText(UNKNOWN_AFFILIATION));
            }
            if (!mayListAffiliation(context, requester, list)) {
                return iq.errorReply(StanzaError.of(Condition.FORBIDDEN));
            }
            return iq.resultReply(affiliationList(room, list));
        }
        Role list = item.role().get();
        if (list == Role.NONE) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText(UNKNOWN_ROLE));
        }
        if (!context.actsAsModerator(requester)) {
            // Role lists are for moderators (§8.5) and admins (§9.8).
            return iq.errorReply(StanzaError.of(Condition.FORBIDDEN));
        }
        return iq.resultReply(roleList(room, list));
    }

    /**
     * Owners and admins see every list. In a members-only room where anyone may see real JIDs,
     * members see the owner, admin and member lists. The member list is also open to occupants
     * whose role the configuration names (muc#roomconfig_getmemberlist) and, per §9.5, to
     * occupants of a members-only room.
     */
    private static boolean mayListAffiliation(ModuleContext context, EntityFullJid requester, Affiliation list) {
        RoomView room = context.room();
        Affiliation privilege = context.privilege(requester);
        if (privilege.isAdminOrOwner()) {
            return true;
        }
        if (list == Affiliation.OUTCAST) {
            return false;
        }
        if (privilege == Affiliation.MEMBER && room.config().membersOnly() && room.config().nonAnonymous()) {
            return true;
        }
        if (list != Affiliation.MEMBER) {
            return false;
        }
        Optional<Occupant> occupant = room.occupantByRealJid(requester);
        return occupant.isPresent()
                && (room.config().getMemberList().contains(occupant.get().role()) || room.config().membersOnly());
    }

    private static Element affiliationList(RoomView room, Affiliation affiliation) {
        List<MucItem> items = new ArrayList<>();
        for (AffiliationEntry entry : room.withAffiliation(affiliation)) {
            MucItem item = MucItem.EMPTY.withAffiliation(affiliation).withJid(entry.jid());
            if (entry.reservedNick().isPresent()) {
                item = item.withNick(entry.reservedNick().get().toString());
            }
            if (entry.reason().isPresent()) {
                item = item.withReason(entry.reason().get());
            }
            items.add(item);
        }
        return MucCodec.adminQuery(items);
    }

    private static Element roleList(RoomView room, Role role) {
        List<MucItem> items = new ArrayList<>();
        for (Occupant o : room.occupants()) {
            if (o.role() == role) {
                items.add(MucItem.EMPTY.withAffiliation(room.affiliation(o.realJid())).withRole(role)
                        .withJid(o.realJid()).withNick(o.nick().toString()));
            }
        }
        return MucCodec.adminQuery(items);
    }
}
