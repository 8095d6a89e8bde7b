package dev.mucengine.core.internal.room;

import dev.mucengine.core.muc.Actor;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders and broadcasts occupant presence. Which codes a recipient gets and who is shown whose
 * real JID ({@link Room#seesRealJids}) are decided here; the order of the elements is
 * {@link MucCodec}'s: other status codes (ascending), then {@code <destroy/>}, then
 * {@code <item/>}, then 110.
 */
public final class OccupantPresence {

    private OccupantPresence() {
    }

    /** The children of a presence that are re-broadcast: everything but MUC protocol elements. */
    public static List<Node> payloadOf(Presence presence) {
        List<Node> kept = new ArrayList<>();
        for (Node n : presence.element().children()) {
            if (n instanceof Element e && (e.is(MucNamespaces.MUC, "x") || e.is(MucNamespaces.MUC_USER, "x")
                    || e.is(Stanza.CLIENT_NAMESPACE, "error"))) {
                continue;
            }
            kept.add(n);
        }
        return kept;
    }

    /** The presence describing {@code change}, addressed to {@code recipient}. */
    public static Presence render(Room room, PresenceChange change, Occupant recipient) {
        return render(room, change, recipient, true);
    }

    /**
     * @param markSelf whether a self-presence carries status 110 (a probe answer does not: it
     *     reports state, it does not confirm an action)
     */
    public static Presence render(Room room, PresenceChange change, Occupant recipient, boolean markSelf) {
        Occupant subject = change.occupant();
        // The occupant's every session is "self" (110): they are one occupant (XEP-0045 §7.2.8),
        // and each sees its own full JID in the item.
        boolean self = sameOccupant(recipient, subject);
        boolean seesJids = room.seesRealJids(recipient);
        MucItem item = MucItem.EMPTY.withAffiliation(room.affiliation(subject.realJid())).withRole(subject.role());
        if (self) {
            item = item.withJid(recipient.realJid());
        } else if (seesJids) {
            item = item.withJid(subject.realJid());
        }
        if (change.newNick().isPresent()) {
            item = item.withNick(change.newNick().get().toString());
        }
        if (change.actor().isPresent()) {
            PresenceChange.Actor actor = change.actor().get();
            item = item.withActor(new Actor(Optional.of(actor.nick().toString()),
                    !self && seesJids ? Optional.of(actor.realJid()) : Optional.empty()));
        }
        if (change.reason().isPresent()) {
            item = item.withReason(change.reason().get());
        }
        Set<StatusCode> codes = EnumSet.noneOf(StatusCode.class);
        codes.addAll(change.codes());
        codes.remove(StatusCode.SELF_PRESENCE);
        if (self && markSelf) {
            codes.add(StatusCode.SELF_PRESENCE);
        }
        MucUser x = MucUser.of(codes, item);
        if (change.destroy().isPresent()) {
            x = x.withDestroy(change.destroy().get());
        }
        List<Node> extensions = room.modules().presenceExtensions(room, subject);
        List<Node> children = new ArrayList<>(change.payload().size() + extensions.size() + 1);
        for (Node n : change.payload()) {
            // What a module adds is the room's word (XEP-0421 §4: an occupant id): the occupant's
            // own element of that name would contradict or impersonate it, so it goes.
            if (!(n instanceof Element e && addedByModule(e, extensions))) {
                children.add(n);
            }
        }
        children.addAll(extensions);
        children.add(MucCodec.encode(x));
        return Presence.builder(change.unavailable() ? PresenceType.UNAVAILABLE : PresenceType.AVAILABLE)
                .from(room.occupantJid(subject.nick()))
                .to(recipient.realJid())
                .children(children)
                .build();
    }

    /**
     * Sends {@code change} to every occupant allowed to see it, in join order, the subject of the
     * change last. Presence of roles outside the room's presence-broadcast set goes to its owner only.
     */
    public static void broadcast(Room room, PresenceChange change, Outbox out) {
        broadcast(room, change, Optional.empty(), out);
    }

    /**
     * As {@link #broadcast(Room, PresenceChange, Outbox)}; the subject's own copy carries
     * {@code selfId}, the id of the presence that caused the change, so that the client can
     * match the answer to its request (clients such as Smack wait for exactly that on leaving).
     * Every session of the subject gets its own copy, last.
     */
    public static void broadcast(Room room, PresenceChange change, Optional<String> selfId, Outbox out) {
        List<Occupant> selves = room.sessions(change.occupant().nick());
        broadcast(room, change, selfId, selves.isEmpty() ? List.of(change.occupant()) : selves, out);
    }

    /**
     * As above, the subject's sessions given: after a removal they are no longer in the room, and
     * are addressed directly. The copy to the session that caused the change carries {@code selfId}.
     */
    public static void broadcast(Room room, PresenceChange change, Optional<String> selfId, List<Occupant> selves,
            Outbox out) {
        Occupant subject = change.occupant();
        // Departures go to everyone: a stale roster entry is worse than one redundant stanza.
        boolean visible = change.unavailable() || room.config().presenceBroadcast().contains(subject.role());
        if (visible) {
            toOthers(room, change, out);
        }
        for (Occupant session : selves) {
            Presence self = render(room, change, session);
            boolean requester = session.realJid().equals(subject.realJid());
            out.send(requester ? selfId.map(self::withId).orElse(self) : self);
        }
    }

    /**
     * Sends {@code change} to every session of every other occupant, in join order. Another
     * occupant's copy depends on the recipient only through whether it may see real JIDs, so it
     * is rendered once for each of the two and re-addressed: the copies share their payload, which
     * lets a transport serialize the broadcast once (issue 12), and the room renders twice, not N
     * times.
     */
    public static void toOthers(Room room, PresenceChange change, Outbox out) {
        @Nullable Presence withJids = null;
        @Nullable Presence withoutJids = null;
        for (Occupant recipient : room.occupants()) {
            if (sameOccupant(recipient, change.occupant())) {
                continue;
            }
            boolean seesJids = room.seesRealJids(recipient);
            @Nullable Presence shown = seesJids ? withJids : withoutJids;
            if (shown == null) {
                shown = render(room, change, recipient);
                if (seesJids) {
                    withJids = shown;
                } else {
                    withoutJids = shown;
                }
                out.send(shown);
            } else {
                out.send(shown.withTo(recipient.realJid()));
            }
        }
    }

    /** Whether two sessions are one occupant's: sessions of one occupant share its join sequence. */
    public static boolean sameOccupant(Occupant a, Occupant b) {
        return a.joinSequence() == b.joinSequence();
    }

    private static boolean addedByModule(Element element, List<Node> extensions) {
        for (Node n : extensions) {
            if (n instanceof Element e && e.name().equals(element.name())) {
                return true;
            }
        }
        return false;
    }
}
