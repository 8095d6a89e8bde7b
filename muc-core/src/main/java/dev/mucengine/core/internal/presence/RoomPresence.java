package dev.mucengine.core.internal.presence;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.internal.nick.NickResult;
import dev.mucengine.core.internal.nick.NicknamePrep;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.join.JoinRule;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Dispatches presence addressed to a room or an occupant JID to the transition it asks for:
 * enter, resync, change status, change nickname, leave, probe, or an error bounce.
 */
public final class RoomPresence {

    private final Entering entering = new Entering(JoinRule.standard());
    private final Exiting exiting = new Exiting();
    private final NicknameChange nicknameChange = new NicknameChange();
    private final StatusChange statusChange = new StatusChange();
    private final Probe probe = new Probe();

    /**
     * The outcome of preparing the nickname of an occupant JID: the prepared nickname, or the error
     * reply already addressed from the prepared occupant JID.
     */
    public sealed interface PreparedNick permits PreparedNick.Valid, PreparedNick.Rejected {
        record Valid(Resourcepart nick) implements PreparedNick {
        }

        record Rejected(Presence errorReply) implements PreparedNick {
        }
    }

    /**
     * Strict nickname validation (XEP-0045 §7.2.x, jid-malformed), also bounded by the service's
     * nickname length limit.
     */
    public static PreparedNick prepareNick(Presence presence, Jid roomJid, Resourcepart raw, RoomContext context) {
        NickResult result = NicknamePrep.prepare(raw.toString());
        String prepared = result instanceof NickResult.Valid v ? v.nickname() : ((NickResult.Invalid) result).prepared();
        Presence addressed = readdressTo(presence, roomJid, prepared);
        if (result instanceof NickResult.Invalid) {
            return new PreparedNick.Rejected(addressed.errorReply(StanzaError.of(Condition.JID_MALFORMED)
                    .withText("Nickname must pass strict validation").withBy(roomJid.toString())));
        }
        if (prepared.codePointCount(0, prepared.length()) > context.limits().maxNickLength()) {
            return new PreparedNick.Rejected(addressed.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Nickname is too long").withBy(roomJid.toString())));
        }
        try {
            return new PreparedNick.Valid(Resourcepart.from(prepared));
        } catch (XmppStringprepException e) {
            return new PreparedNick.Rejected(presence.errorReply(StanzaError.of(Condition.JID_MALFORMED)
                    .withText("Nickname must pass strict validation").withBy(roomJid.toString())));
        }
    }

    private static Presence readdressTo(Presence presence, Jid roomJid, String nick) {
        try {
            return presence.withTo(JidCreate.fullFrom(roomJid + "/" + nick));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return presence;
        }
    }

    /** Handles presence to an existing room. {@code nick} is empty when sent to the bare room JID. */
    public void handle(Room room, Presence presence, EntityFullJid sender, Optional<Resourcepart> nick,
            RoomContext context, Outbox out) {
        Optional<Occupant> occupant = room.occupantByRealJid(sender);
        switch (presence.type()) {
            case UNAVAILABLE -> occupant.ifPresent(o -> exiting.exit(room, o, presence, out));
            case PROBE -> probe.probe(room, occupant, presence, nick, out);
            case ERROR -> occupant.ifPresent(o -> exiting.removeAfterError(room, o, out));
            case AVAILABLE -> available(room, presence, sender, nick, occupant, context, out);
            case UNKNOWN -> out.send(presence.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("Unknown presence type")));
            default -> {
                // Subscription requests have no meaning for a room (XEP-0045 is silent); ignore them.
            }
        }
    }

    private void available(Room room, Presence presence, EntityFullJid sender, Optional<Resourcepart> rawNick,
            Optional<Occupant> occupant, RoomContext context, Outbox out) {
        if (rawNick.isEmpty()) {
            // XEP-0045 §7.2.x: entering without a nickname is jid-malformed.
            out.send(presence.errorReply(StanzaError.of(Condition.JID_MALFORMED)
                    .withText("A nickname is required").withBy(room.jid().toString())));
            return;
        }
        PreparedNick prepared = prepareNick(presence, room.jid(), rawNick.get(), context);
        if (prepared instanceof PreparedNick.Rejected r) {
            out.send(r.errorReply());
            return;
        }
        Resourcepart nick = ((PreparedNick.Valid) prepared).nick();
        if (occupant.isEmpty()) {
            entering.enter(room, presence, sender, nick, false, context, out);
        } else if (!occupant.get().nick().equals(nick)) {
            nicknameChange.change(room, occupant.get(), presence, nick, context, out);
        } else if (presence.payload(MucNamespaces.MUC, "x").isPresent()) {
            entering.resync(room, occupant.get(), presence, context, out);
        } else {
            statusChange.change(room, occupant.get(), presence, out);
        }
    }

    /** Creates the first occupant of a new room (status 201), bypassing the join rules. */
    public void enterCreated(Room room, Presence presence, EntityFullJid creator, Resourcepart nick,
            RoomContext context, Outbox out) {
        entering.enter(room, presence, creator, nick, true, context, out);
    }

    /** The exit transition, for the router's error handling (333). */
    public Exiting exiting() {
        return exiting;
    }
}
