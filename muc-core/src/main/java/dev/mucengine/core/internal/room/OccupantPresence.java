package dev.mucengine.core.internal.room;

import dev.mucengine.core.room.Occupant;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Renders and broadcasts occupant presence. Who sees a real JID, which codes and in what order
 * are decided here and nowhere else:
 * other status codes (ascending), then {@code <destroy/>}, then {@code <item/>}, then 110.
 */
public final class OccupantPresence {

    private OccupantPresence() {
    }

    /** The children of a presence that are re-broadcast: everything but MUC protocol elements. */
    public static List<Node> payloadOf(Presence presence) {
        List<Node> kept = new ArrayList<>();
        for (Node n : presence.element().children()) {
            if (n instanceof Element e && (e.is(MucNamespaces.MUC, "x") || e.is(MucNamespaces.MUC_USER, "x"))) {
                continue;
            }
            if (n instanceof Element e && e.is(dev.mucengine.core.stanza.Stanza.CLIENT_NAMESPACE, "error")) {
                continue;
            }
            kept.add(n);
        }
        return kept;
    }

    /** True if {@code recipient} may see occupants' real JIDs in this room. */
    public static boolean seesRealJids(Room room, Occupant recipient) {
        return room.config().nonAnonymous() || recipient.role() == Role.MODERATOR;
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
        boolean self = recipient.realJid().equals(subject.realJid());
        boolean seesJid = self || seesRealJids(room, recipient);
        Element.Builder x = Element.builder(MucNamespaces.MUC_USER, "x");
        for (StatusCode code : change.codes()) {
            if (code != StatusCode.SELF_PRESENCE) {
                x.child(status(code));
            }
        }
        change.destroy().ifPresent(x::child);
        Element.Builder item = Element.builder(MucNamespaces.MUC_USER, "item")
                .attribute("affiliation", room.affiliation(subject.realJid()).wireName())
                .attribute("role", subject.role().wireName());
        if (seesJid) {
            item.attribute("jid", subject.realJid().toString());
        }
        change.newNick().ifPresent(n -> item.attribute("nick", n.toString()));
        change.actor().ifPresent(a -> {
            Element.Builder actor = Element.builder(MucNamespaces.MUC_USER, "actor")
                    .attribute("nick", a.nick().toString());
            if (!self && seesRealJids(room, recipient)) {
                actor.attribute("jid", a.realJid().toString());
            }
            item.child(actor.build());
        });
        change.reason().ifPresent(r -> item.textChild(MucNamespaces.MUC_USER, "reason", r));
        x.child(item.build());
        if (self && markSelf) {
            x.child(status(StatusCode.SELF_PRESENCE));
        }
        List<Node> children = new ArrayList<>(change.payload());
        children.add(x.build());
        return Presence.builder(change.unavailable() ? PresenceType.UNAVAILABLE : PresenceType.AVAILABLE)
                .from(JidCreate.entityFullFrom(room.jid(), subject.nick()))
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
     */
    public static void broadcast(Room room, PresenceChange change, Optional<String> selfId, Outbox out) {
        EntityFullJid subjectJid = change.occupant().realJid();
        // Departures go to everyone: a stale roster entry is worse than one redundant stanza.
        boolean visible = change.unavailable()
                || room.config().presenceBroadcast().contains(change.occupant().role());
        for (Occupant recipient : room.occupants()) {
            if (!recipient.realJid().equals(subjectJid) && visible) {
                out.send(render(room, change, recipient));
            }
        }
        // The subject may already have left the room (exit, kick): address it directly.
        Presence self = render(room, change, room.occupantByRealJid(subjectJid).orElse(change.occupant()));
        out.send(selfId.map(self::withId).orElse(self));
    }

    public static Element status(StatusCode code) {
        return Element.builder(MucNamespaces.MUC_USER, "status").attribute("code", code.wireName()).build();
    }
}
