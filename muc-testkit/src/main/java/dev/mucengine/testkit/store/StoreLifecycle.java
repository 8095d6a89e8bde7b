package dev.mucengine.testkit.store;

import static dev.mucengine.testkit.store.ContractFixtures.ids;
import static dev.mucengine.testkit.store.ContractFixtures.query;

import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jxmpp.jid.EntityBareJid;

/**
 * The store each test of {@link RoomStoreContract} runs against: opened fresh before the test,
 * reopened when a test asks (as after a restart), closed after it; and the few reads and writes
 * every part of the suite shares. Extend {@link RoomStoreContract}, not this class.
 */
public abstract class StoreLifecycle {

    private @Nullable RoomStore store;

    /** For subclasses. */
    protected StoreLifecycle() {
    }

    /**
     * A fresh, empty store, for one test.
     *
     * @return the store
     */
    protected abstract RoomStore openStore();

    /**
     * The same storage opened again, as after a restart: close {@code store} if it holds
     * resources, then open what it stored. A store that lives in memory returns {@code store}.
     *
     * @param store the store to close
     * @return the store opened again
     */
    protected abstract RoomStore reopen(RoomStore store);

    /** Opens the test's store. */
    @BeforeEach
    public final void openFreshStore() {
        store = openStore();
    }

    /**
     * Closes the test's store, if it is closable.
     *
     * @throws Exception if closing fails
     */
    @AfterEach
    public final void closeStore() throws Exception {
        if (store instanceof AutoCloseable closable) {
            closable.close();
        }
        store = null;
    }

    /**
     * The test's store.
     *
     * @return the store opened for this test
     */
    protected final RoomStore store() {
        RoomStore s = store;
        if (s == null) {
            throw new IllegalStateException("no store open");
        }
        return s;
    }

    /** Replaces the test's store by the same storage opened again ({@link #reopen}). */
    protected final void reopenStore() {
        store = reopen(store());
    }

    /**
     * The oldest and newest messages of a room's archive as {@code id@instant}, read as the engine
     * reads them for archive metadata (XEP-0313 §5): a one-message page from each end. Empty for
     * an empty archive.
     *
     * @param room the room
     * @return {@code [oldest, newest]}, or empty
     */
    protected final List<String> ends(EntityBareJid room) {
        List<ArchivedMessage> oldest = store().queryArchive(room, query(1).build()).orElseThrow().messages();
        List<ArchivedMessage> newest = store().queryArchive(room, ArchiveQuery.newest(1)).orElseThrow().messages();
        if (oldest.isEmpty() || newest.isEmpty()) {
            return List.of();
        }
        return List.of(oldest.get(0).id() + "@" + oldest.get(0).at(), newest.get(0).id() + "@" + newest.get(0).at());
    }

    /**
     * The ids of a room's whole archive, in archive order.
     *
     * @param room the room
     * @return the ids
     */
    protected final List<String> allIds(EntityBareJid room) {
        return ids(store().queryArchive(room, query(Integer.MAX_VALUE).build()).orElseThrow().messages());
    }

    /**
     * Applies the changes as one batch.
     *
     * @param changes the changes, in order
     */
    protected final void apply(DurableChange... changes) {
        store().apply(List.of(changes));
    }

}
