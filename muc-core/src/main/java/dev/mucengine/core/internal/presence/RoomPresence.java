package dev.mucengine.core.internal.presence;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Dispatches presence addressed to a room or an occupant JID to the transition it asks for:
 * enter, resync, change status, change nickname, leave, probe, or an error bounce.
 */
public final class RoomPresence {

    private RoomPresence() {
    }

    /**
     * The error reply to a join or nickname-change presence whose nickname was refused, from the
     * occupant JID of the nickname as prepared (XEP-0045 §7.2.1).
     */
    private static Presence refusedNick(Presence presence, EntityBareJid roomJid, Resourcepart raw,
            StanzaError error) {
        return readdressTo(presence, roomJid, Nicknames.normalized(raw.toString())).errorReply(error);
    }

    private static Presence readdressTo(Presence presence, EntityBareJid roomJid, String nick) {
        try {
            return presence.withTo(JidCreate.fullFrom(roomJid + "/" + nick));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return presence;
        }
    }

    /** Handles presence to an existing room. {@code nick} is empty when sent to the bare room JID. */
    public static void handle(Room room, Presence presence, EntityFullJid sender, Optional<Resourcepart> nick,
            RoomContext context, Outbox out) {
        Optional<Occupant> occupant = room.occupantByRealJid(sender);
        switch (presence.type()) {
            case UNAVAILABLE -> occupant.ifPresent(o -> Exiting.exit(room, o, presence, out));
            case PROBE -> Probe.probe(room, occupant, presence, nick, out);
            case ERROR -> occupant.ifPresent(o -> Exiting.removeAfterError(room, o, out));
            case AVAILABLE -> available(room, presence, sender, nick, occupant, context, out);
            case UNKNOWN -> out.send(presence.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("Unknown presence type")));
            default -> {
                // Subscription requests have no meaning for a room (XEP-0045 is silent); ignore them.
            }
        }
    }

    private static void available(Room room, Presence presence, EntityFullJid sender, Optional<Resourcepart> rawNick,
            Optional<Occupant> occupant, RoomContext context, Outbox out) {
        if (rawNick.isEmpty()) {
            // §7.2.1: entering without a nickname is jid-malformed.
            out.send(presence.errorReply(StanzaError.of(Condition.JID_MALFORMED)
                    .withText("A nickname is required").withBy(room.jid().toString())));
            return;
        }
        Optional<Resourcepart> nick = validNick(room.jid(), presence, rawNick.get(), context, out);
        if (nick.isEmpty()) {
            return;
        }
        if (occupant.isEmpty()) {
            Entering.enter(room, presence, sender, nick.get(), false, context, out);
        } else if (!occupant.get().nick().equals(nick.get())) {
            NicknameChange.change(room, occupant.get(), presence, nick.get(), out);
        } else if (presence.payload(MucNamespaces.MUC, "x").isPresent()) {
            Entering.resync(room, occupant.get(), presence, context, out);
        } else {
            StatusChange.change(room, occupant.get(), presence, out);
        }
    }

    /**
     * The nickname of an occupant JID, prepared by the one nickname rule ({@link Nicknames}), or
     * empty after sending the refusal (jid-malformed, or not-acceptable when too long).
     */
    public static Optional<Resourcepart> validNick(EntityBareJid roomJid, Presence presence, Resourcepart raw,
            RoomContext context, Outbox out) {
        Checked<Resourcepart> nick = Nicknames.prepare(raw.toString(), context.limits().maxNickLength());
        if (nick.refusal().isPresent()) {
            out.send(refusedNick(presence, roomJid, raw, nick.refusal().get().withBy(roomJid.toString())));
            return Optional.empty();
        }
        return Optional.of(nick.value());
    }

    /** Creates the first occupant of a new room (status 201), bypassing the join checks. */
    public static void enterCreated(Room room, Presence presence, EntityFullJid creator, Resourcepart nick,
            RoomContext context, Outbox out) {
        Entering.enter(room, presence, creator, nick, true, context, out);
    }
}
