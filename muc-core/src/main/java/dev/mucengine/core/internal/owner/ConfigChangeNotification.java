package dev.mucengine.core.internal.owner;

import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Tells occupants that the configuration changed (XEP-0045 §10.2.1): a groupchat message from the
 * room with status 104, plus 170/171 when public logging was turned on/off and 172/173 when the
 * room became non-anonymous/semi-anonymous (174, fully anonymous, is not a configuration the
 * engine offers). Nothing is sent when nothing changed.
 */
public final class ConfigChangeNotification {

    private ConfigChangeNotification() {
    }

    /** The status codes for this change, in ascending order; empty if the configuration is unchanged. */
    public static List<StatusCode> codes(RoomConfig before, RoomConfig after) {
        List<StatusCode> codes = new ArrayList<>();
        if (before.equals(after)) {
            return codes;
        }
        codes.add(StatusCode.CONFIG_CHANGED);
        if (before.enableLogging() != after.enableLogging()) {
            codes.add(after.enableLogging() ? StatusCode.LOGGING_ENABLED : StatusCode.LOGGING_DISABLED);
        }
        if (before.whois() != after.whois()) {
            codes.add(after.whois() == Whois.ANYONE ? StatusCode.NOW_NON_ANONYMOUS : StatusCode.NOW_SEMI_ANONYMOUS);
        }
        return codes;
    }

    /** Sends the notification to every occupant, in join order, all copies with one id. */
    public static void send(Room room, RoomConfig before, RoomConfig after, RoomContext context, Outbox out) {
        List<StatusCode> codes = codes(before, after);
        if (codes.isEmpty() || room.isEmpty()) {
            return;
        }
        Element payload = MucCodec.encode(MucUser.of(EnumSet.copyOf(codes)));
        String id = context.ids().nextId();
        for (Occupant o : room.occupants()) {
            out.send(Message.builder(MessageType.GROUPCHAT).from(room.jid()).to(o.realJid()).id(id)
                    .child(payload).build());
        }
    }
}
