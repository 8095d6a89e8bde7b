package dev.mucengine.core.internal.room;

import dev.mucengine.core.service.Limits;
import dev.mucengine.core.store.RoomStore;

/**
 * When a live room may be dropped from memory, to be loaded from its record when next addressed
 * (issue 12: an empty persistent room that is not live costs nothing but its directory entry).
 * Only if loading it gives back the room it is now, so that its later outputs are the same as if
 * it had stayed live (the engine's determinism, docs/architecture.md): it is empty, persistent,
 * not destroyed, not locked (the lock of a room being created, XEP-0045 §10.1, is not stored), waits on no request it
 * forwarded (XEP-0045 §17.4: the requester is owed an answer), and every state its modules keep
 * in memory is empty or rebuilt from the archive as it is ({@link MemoryOnlyState}).
 */
public final class RoomUnloading {

    private RoomUnloading() {
    }

    /**
     * Whether unloading {@code room} now loses nothing. Call it only once the room's durable
     * changes are stored: the store must hold the room as it is.
     *
     * @param room a live room
     * @param store the store it would be loaded from
     * @param limits the service's limits
     * @return true if the room may be unloaded
     * @throws dev.mucengine.core.store.StoreUnavailableException if a read the answer needs failed
     */
    public static boolean losesNothing(Room room, RoomStore store, Limits limits) {
        if (!room.isEmpty() || !room.config().persistent() || room.destroyed() || room.locked()) {
            return false;
        }
        ForwardedRequests forwarded = room.forwardedRequestsIfAny();
        if (forwarded != null && forwarded.size() > 0) {
            return false;
        }
        for (Object state : room.moduleStates()) {
            if (!(state instanceof MemoryOnlyState kept) || !kept.rebuiltOnLoad(room, store, limits)) {
                return false;
            }
        }
        return true;
    }
}
