package dev.mucengine.core.internal.room;

import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.store.RoomStore;

/**
 * Room state a built-in module keeps in memory only, outside the room's record: what it would
 * take for the room to be unloaded while empty ({@link RoomUnloading}) without losing it. A module
 * state that is not one of these (a host's own module's) keeps its room live.
 */
public interface MemoryOnlyState {

    /**
     * Whether loading the room again from its record and archive would give this state back as it
     * is now: an empty state, or one rebuilt from the archive entry for entry. Reads the archive
     * only if it must.
     *
     * @param room the room, empty and persistent, its changes stored
     * @param store the store the room would be loaded from
     * @param limits the service's limits the state was built under
     * @return true if unloading the room loses nothing of this state
     * @throws dev.mucengine.core.store.StoreUnavailableException if a read it needs failed
     */
    boolean rebuiltOnLoad(RoomView room, RoomStore store, Limits limits);
}
