package dev.mucengine.core.internal.admin;

import dev.mucengine.core.room.RoleRequest;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Reads the {@code <item/>}s of a muc#admin set into requests. An item changes either an
 * affiliation (with a jid, or the nick of an occupant) or a role (with a nick or a jid), never both;
 * one request changes only affiliations or only roles.
 */
final class AdminItems {

    /** Either the requests or the reason they cannot be read. */
    record Parsed(List<AffiliationRequest> affiliations, List<RoleRequest> roles, Optional<StanzaError> error) {
        static Parsed failed(Condition condition, String text) {
            return new Parsed(List.of(), List.of(), Optional.of(StanzaError.of(condition).withText(text)));
        }
    }

    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final Condition condition;

        Invalid(Condition condition, String text) {
            super(text, null, false, false);
            this.condition = condition;
        }
    }

    private AdminItems() {
    }

    static Parsed parse(Room room, Element query, Limits limits) {
        List<Element> items = query.children(MucNamespaces.MUC_ADMIN, "item");
        if (items.isEmpty()) {
            return Parsed.failed(Condition.BAD_REQUEST, "No item to change");
        }
        List<AffiliationRequest> affiliations = new ArrayList<>();
        List<RoleRequest> roles = new ArrayList<>();
        try {
            for (Element item : items) {
                Optional<String> reason = reason(item, limits);
                Optional<String> affiliation = item.attribute("affiliation");
                Optional<String> role = item.attribute("role");
                if (affiliation.isPresent() == role.isPresent()) {
                    throw new Invalid(Condition.BAD_REQUEST, "An item needs an affiliation or a role");
                }
                if (affiliation.isPresent()) {
                    affiliations.add(affiliationRequest(room, item, affiliation.get(), reason, limits));
                } else {
                    roles.add(roleRequest(item, role.get(), reason));
                }
            }
        } catch (Invalid e) {
            return Parsed.failed(e.condition, e.getMessage());
        }
        if (!affiliations.isEmpty() && !roles.isEmpty()) {
            return Parsed.failed(Condition.BAD_REQUEST, "Change roles and affiliations in separate requests");
        }
        return new Parsed(affiliations, roles, Optional.empty());
    }

    private static AffiliationRequest affiliationRequest(Room room, Element item, String value,
            Optional<String> reason, Limits limits) throws Invalid {
        Affiliation affiliation = Affiliation.fromWire(value)
                .orElseThrow(() -> new Invalid(Condition.BAD_REQUEST, "Unknown affiliation"));
        Optional<Resourcepart> nick = nick(item, limits);
        Optional<String> jid = item.attribute("jid");
        if (jid.isPresent()) {
            return new AffiliationRequest(jid(jid.get()).asBareJid(), affiliation, nick, reason);
        }
        if (nick.isEmpty()) {
            throw new Invalid(Condition.BAD_REQUEST, "An affiliation item needs a jid");
        }
        // §9.3: by nick when the user is in the room; the nick then only names the occupant.
        Occupant occupant = room.occupant(nick.get())
                .orElseThrow(() -> new Invalid(Condition.ITEM_NOT_FOUND, "No such occupant"));
        return new AffiliationRequest(occupant.realJid().asBareJid(), affiliation, Optional.empty(), reason);
    }

    private static RoleRequest roleRequest(Element item, String value, Optional<String> reason) throws Invalid {
        Role role = Role.fromWire(value).orElseThrow(() -> new Invalid(Condition.BAD_REQUEST, "Unknown role"));
        Optional<String> nick = item.attribute("nick");
        Optional<String> jid = item.attribute("jid");
        if (nick.isPresent() == jid.isPresent()) {
            throw new Invalid(Condition.BAD_REQUEST, "A role item needs either a nick or a jid");
        }
        if (nick.isPresent()) {
            return new RoleRequest(Optional.of(resourcepart(nick.get())), Optional.empty(), role, reason);
        }
        return new RoleRequest(Optional.empty(), Optional.of(jid(jid.get())), role, reason);
    }

    private static Optional<Resourcepart> nick(Element item, Limits limits) throws Invalid {
        Optional<String> raw = item.attribute("nick");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.get().length() > limits.maxNickLength()) {
            throw new Invalid(Condition.NOT_ACCEPTABLE, "Nickname too long");
        }
        return Optional.of(resourcepart(raw.get()));
    }

    private static Optional<String> reason(Element item, Limits limits) throws Invalid {
        Optional<String> reason = item.childText(MucNamespaces.MUC_ADMIN, "reason");
        if (reason.isPresent() && reason.get().length() > limits.maxReasonLength()) {
            throw new Invalid(Condition.NOT_ACCEPTABLE, "Reason too long");
        }
        return reason;
    }

    private static Resourcepart resourcepart(String raw) throws Invalid {
        try {
            return Resourcepart.from(raw);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new Invalid(Condition.BAD_REQUEST, "Invalid nickname");
        }
    }

    private static Jid jid(String raw) throws Invalid {
        try {
            if (raw.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return JidCreate.from(raw);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new Invalid(Condition.JID_MALFORMED, "Invalid jid");
        }
    }
}
