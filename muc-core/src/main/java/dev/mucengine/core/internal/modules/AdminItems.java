package dev.mucengine.core.internal.modules;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoleRequest;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Reads the {@code <item/>}s of a muc#admin set into requests. An item changes either an
 * affiliation (of a jid, or of the occupant a nick names) or a role (of the occupant a nick or a
 * jid names), never both; one request changes only affiliations or only roles. Nicknames follow
 * the one nickname rule ({@link Nicknames}), so one refused at entry is refused here too.
 */
final class AdminItems {

    /** The requests of one muc#admin set: affiliation changes or role changes. */
    record Requests(List<AffiliationRequest> affiliations, List<RoleRequest> roles) {
    }

    private AdminItems() {
    }

    static Checked<Requests> parse(RoomView room, Element query, Limits limits) {
        List<Element> items = query.children(MucNamespaces.MUC_ADMIN, "item");
        if (items.isEmpty()) {
            return Checked.refused(Condition.BAD_REQUEST, "No item to change");
        }
        List<AffiliationRequest> affiliations = new ArrayList<>();
        List<RoleRequest> roles = new ArrayList<>();
        for (Element element : items) {
            Checked<?> parsed = MucCodec.decodeItem(element).flatMap(item -> {
                if (item.reason().isPresent() && item.reason().get().length() > limits.maxReasonLength()) {
                    return Checked.refused(Condition.NOT_ACCEPTABLE, "Reason too long");
                }
                if (item.affiliation().isPresent() == item.role().isPresent()) {
                    return Checked.refused(Condition.BAD_REQUEST, "An item needs an affiliation or a role");
                }
                return nick(item, limits).flatMap(nick -> item.affiliation().isPresent()
                        ? affiliationRequest(room, item, item.affiliation().get(), nick).map(affiliations::add)
                        : roleRequest(item, item.role().orElseThrow(), nick).map(roles::add));
            });
            if (parsed.refusal().isPresent()) {
                return Checked.refused(parsed.refusal().get());
            }
        }
        if (!affiliations.isEmpty() && !roles.isEmpty()) {
            return Checked.refused(Condition.BAD_REQUEST, "Change roles and affiliations in separate requests");
        }
        return Checked.accepted(new Requests(affiliations, roles));
    }

    private static Checked<AffiliationRequest> affiliationRequest(RoomView room, MucItem item, Affiliation affiliation,
            Optional<Resourcepart> nick) {
        if (item.jid().isPresent()) {
            return Checked.accepted(new AffiliationRequest(item.jid().get().asBareJid(), affiliation, nick,
                    item.reason()));
        }
        if (nick.isEmpty()) {
            return Checked.refused(Condition.BAD_REQUEST, "An affiliation item needs a jid");
        }
        // §9.3: by nick when the user is in the room; the nick then only names the occupant.
        Optional<Occupant> occupant = room.occupant(nick.get());
        if (occupant.isEmpty()) {
            return Checked.refused(Condition.ITEM_NOT_FOUND, "No such occupant");
        }
        return Checked.accepted(new AffiliationRequest(occupant.get().realJid().asBareJid(), affiliation,
                Optional.empty(), item.reason()));
    }

    private static Checked<RoleRequest> roleRequest(MucItem item, Role role, Optional<Resourcepart> nick) {
        if (nick.isPresent() == item.jid().isPresent()) {
            return Checked.refused(Condition.BAD_REQUEST, "A role item needs either a nick or a jid");
        }
        return Checked.accepted(new RoleRequest(nick, item.jid(), role, item.reason()));
    }

    private static Checked<Optional<Resourcepart>> nick(MucItem item, Limits limits) {
        if (item.nick().isEmpty()) {
            return Checked.accepted(Optional.empty());
        }
        return Nicknames.prepare(item.nick().get(), limits.maxNickLength()).map(Optional::of);
    }
}
