package dev.mucengine.testkit.store;

import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.store.RoomStore;

/** The reference store passes the contract it defines; reopening keeps the same instance (it lives in memory). */
class InMemoryRoomStoreContractTest extends RoomStoreContract {

    @Override
    protected RoomStore openStore() {
        return new InMemoryRoomStore();
    }

    @Override
    protected RoomStore reopen(RoomStore store) {
        return store;
    }
}
