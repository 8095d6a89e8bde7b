package dev.mucengine.core.internal.modules;

import dev.mucengine.core.internal.room.MemoryOnlyState;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.store.RoomStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room's registration requests awaiting an admin's decision, one per user (a new request
 * replaces the user's earlier one), at most {@link #MAX} in all: an unanswered room must not
 * collect requests without end. While it holds one, the room stays loaded: a room loaded from its
 * record starts with none.
 */
final class PendingRegistrations implements MemoryOnlyState {

    /** The most requests one room keeps waiting. */
    static final int MAX = 32;

    /** One request: who asked (the session to tell the outcome) and the nickname it wants. */
    record Request(EntityFullJid user, Resourcepart nick) {
    }

    private final Map<BareJid, Request> byUser = new LinkedHashMap<>();

    /** Keeps {@code request}; false if the room already holds {@link #MAX} requests of other users. */
    boolean add(Request request) {
        BareJid key = request.user().asBareJid();
        if (!byUser.containsKey(key) && byUser.size() >= MAX) {
            return false;
        }
        byUser.put(key, request);
        return true;
    }

    /** Removes and returns the user's request, if any. */
    Optional<Request> take(BareJid user) {
        return Optional.ofNullable(byUser.remove(user));
    }

    int size() {
        return byUser.size();
    }

    @Override
    public boolean rebuiltOnLoad(RoomView room, RoomStore store, Limits limits) {
        return byUser.isEmpty();
    }
}
