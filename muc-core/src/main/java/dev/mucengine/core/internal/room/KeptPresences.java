package dev.mucengine.core.internal.room;

import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presences rooms keep for their occupants, reduced to what is re-broadcast and shared.
 *
 * <p>A room keeps each session's last available presence only to repeat its payload to others
 * ({@link OccupantPresence#payloadOf}) and to read its {@code <show/>}; the addresses, the id and
 * the MUC join element are never read again. So what is kept is a presence of the same type with
 * only that payload, and equal payloads are one instance: most clients of one version send the
 * same XEP-0115 caps element, and most occupants the same presence, so a room of N occupants
 * holds N references, not N copies.
 *
 * <p>One per service, shared by its rooms (and so safe for use from several threads). The shared
 * instances are bounded: when full, the table starts again, which only costs sharing.
 */
final class KeptPresences {

    /** Distinct payload nodes and presences held at once; a few hundred kB at most. */
    private static final int CAPACITY = 4_096;

    private final Map<Element, Presence> presences = new ConcurrentHashMap<>();
    private final Map<Node, Node> nodes = new ConcurrentHashMap<>();

    /** The presence to keep for {@code sent}: its type and re-broadcast payload, shared. */
    Presence kept(Presence sent) {
        if (sent.type() != PresenceType.AVAILABLE) {
            return sent; // rooms keep available presences only; anything else is kept as it came
        }
        List<Node> payload = OccupantPresence.payloadOf(sent);
        List<Node> shared = new ArrayList<>(payload.size());
        for (Node n : payload) {
            shared.add(share(nodes, n, n));
        }
        Presence reduced = Presence.builder(PresenceType.AVAILABLE).children(shared).build();
        return share(presences, reduced.element(), reduced);
    }

    private static <K, T> T share(Map<K, T> table, K key, T value) {
        T existing = table.get(key);
        if (existing != null) {
            return existing;
        }
        if (table.size() >= CAPACITY) {
            table.clear();
        }
        T raced = table.putIfAbsent(key, value);
        return raced == null ? value : raced;
    }
}
