package dev.mucengine.core.internal.presence;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.internal.room.History;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.OccupantPresence;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.join.JoinRequest;
import dev.mucengine.core.internal.join.JoinRule;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Entering a room (XEP-0045 §7.2): the join rules, then the room's state to the newcomer and the
 * newcomer's presence to the others. Order: existing occupants (join order), offline members when
 * the room shows them, the newcomer to the others, the newcomer's own presence, history, subject.
 */
public final class Entering {

    private final List<JoinRule> rules;

    public Entering(List<JoinRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A user who is not an occupant asks to enter as {@code nick}. */
    public void enter(Room room, Presence presence, EntityFullJid user, Resourcepart nick, boolean created,
            RoomContext context, Outbox out) {
        Affiliation privilege = context.privilege(room, user);
        Optional<Element> mucX = presence.payload(MucNamespaces.MUC, "x");
        Optional<String> password = mucX.flatMap(x -> x.childText(MucNamespaces.MUC, "password"));
        JoinRequest request = new JoinRequest(user, nick, privilege, password);
        if (!created) {
            for (JoinRule rule : rules) {
                Optional<StanzaError> refusal = rule.check(room, request, context);
                if (refusal.isPresent()) {
                    out.send(presence.errorReply(refusal.get().withBy(room.jid().toString())));
                    return;
                }
            }
        }
        Role role = privilege.defaultRole(room.config().moderated());
        Occupant occupant = room.add(new Occupant(nick, user, role, presence, 0));
        Set<StatusCode> codes = EnumSet.noneOf(StatusCode.class);
        if (created) {
            codes.add(StatusCode.ROOM_CREATED);
        }
        if (room.config().nonAnonymous()) {
            codes.add(StatusCode.NON_ANONYMOUS);
        }
        if (room.config().enableLogging()) {
            codes.add(StatusCode.LOGGING_ENABLED);
        }
        sendRoomTo(room, occupant, context, out);
        PresenceChange arrival = PresenceChange.available(occupant);
        if (room.config().presenceBroadcast().contains(role)) {
            for (Occupant other : room.occupants()) {
                if (!other.realJid().equals(user)) {
                    out.send(OccupantPresence.render(room, arrival, other));
                }
            }
        }
        out.send(OccupantPresence.render(room, arrival.withCodes(codes), occupant));
        sendHistoryAndSubject(room, occupant, historyRequest(mucX), context, out);
    }

    /**
     * An occupant sent MUC join presence again (its client lost track, XEP-0045 §7.2.x "resync"):
     * it gets the whole room again; the others see nothing new.
     */
    public void resync(Room room, Occupant occupant, Presence presence, RoomContext context, Outbox out) {
        Occupant updated = occupant.withPresence(presence);
        room.update(updated);
        sendRoomTo(room, updated, context, out);
        out.send(OccupantPresence.render(room, PresenceChange.available(updated), updated));
        sendHistoryAndSubject(room, updated, historyRequest(presence.payload(MucNamespaces.MUC, "x")), context, out);
    }

    private static void sendRoomTo(Room room, Occupant newcomer, RoomContext context, Outbox out) {
        for (Occupant other : room.occupants()) {
            if (!other.realJid().equals(newcomer.realJid())
                    && room.config().presenceBroadcast().contains(other.role())) {
                out.send(OccupantPresence.render(room, PresenceChange.available(other), newcomer));
            }
        }
        if (room.config().presenceBroadcast().contains(Role.NONE)) {
            // One pass over occupants, one over affiliations: O(N + A), not O(N * A).
            java.util.Set<org.jxmpp.jid.BareJid> present = new java.util.HashSet<>();
            for (Occupant o : room.occupants()) {
                present.add(o.realJid().asBareJid());
            }
            for (AffiliationEntry entry : room.affiliations()) {
                if (entry.reservedNick().isPresent() && entry.affiliation().atLeast(Affiliation.MEMBER)
                        && !present.contains(entry.jid().asBareJid())) {
                    out.send(OfflineMemberPresence.render(room, entry, newcomer));
                }
            }
        }
    }

    private static void sendHistoryAndSubject(Room room, Occupant occupant, History.Request request,
            RoomContext context, Outbox out) {
        for (History.Entry entry : room.history().select(request, context.now())) {
            out.send(History.delivery(entry, room.jid(), occupant.realJid()));
        }
        out.send(subjectFor(room, occupant.realJid(), context));
    }

    /** The current subject, or an empty one: XEP-0045 §7.2.15 says the subject is always sent last. */
    static Message subjectFor(Room room, EntityFullJid recipient, RoomContext context) {
        if (room.subject().isPresent()) {
            return room.subject().get().withTo(recipient);
        }
        return Message.builder(MessageType.GROUPCHAT)
                .from(room.jid()).to(recipient).id(context.ids().nextId())
                .child(Element.empty(dev.mucengine.core.stanza.Stanza.CLIENT_NAMESPACE, "subject"))
                .build();
    }

    static History.Request historyRequest(Optional<Element> mucX) {
        Optional<Element> h = mucX.flatMap(x -> x.child(MucNamespaces.MUC, "history"));
        if (h.isEmpty()) {
            return History.Request.everything();
        }
        Element history = h.get();
        Optional<Instant> since = Optional.empty();
        try {
            since = history.attribute("since").map(Instant::parse);
        } catch (DateTimeParseException e) {
            // An unparseable date cannot restrict anything; XEP-0045 gives no error for it.
        }
        return new History.Request(intAttr(history, "maxchars"), intAttr(history, "maxstanzas"),
                intAttr(history, "seconds"), since);
    }

    private static OptionalInt intAttr(Element e, String name) {
        Optional<String> raw = e.attribute(name);
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Math.max(0, Integer.parseInt(raw.get().trim())));
        } catch (NumberFormatException ex) {
            return OptionalInt.empty();
        }
    }

    /** The occupant JID {@code room/nick}. */
    static EntityFullJid occupantJid(Room room, Resourcepart nick) {
        return JidCreate.entityFullFrom(room.jid(), nick);
    }

    static Presence unavailableTemplate() {
        return Presence.builder(PresenceType.UNAVAILABLE).build();
    }
}
