package dev.mucengine.server;

import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jxmpp.jid.EntityBareJid;

/**
 * The store as the host uses it: every read (by the engine) and write (by the
 * {@link ConfinedEngine}) goes through here, so an outage is logged once when it starts and once
 * when it ends, not once per stanza. Faults pass through unchanged: the engine and the router
 * answer them.
 */
public final class MonitoredStore implements RoomStore {

    private final RoomStore store;
    private final Consumer<String> log;
    private long failures;

    /**
     * @param store the store itself
     * @param log receives one line when the store fails after working, one when it works again
     */
    public MonitoredStore(RoomStore store, Consumer<String> log) {
        this.store = store;
        this.log = log;
    }

    @Override
    public List<DirectoryEntry> directory() {
        return observed(store::directory);
    }

    @Override
    public Optional<String> serviceSecret() {
        return observed(store::serviceSecret);
    }

    @Override
    public Optional<RoomRecord> load(EntityBareJid room) {
        return observed(() -> store.load(room));
    }

    @Override
    public Optional<ArchivePage> queryArchive(EntityBareJid room, ArchiveQuery query) {
        return observed(() -> store.queryArchive(room, query));
    }

    @Override
    public void apply(List<DurableChange> changes) {
        observed(() -> {
            store.apply(changes);
            return null;
        });
    }

    /** Whether the last call failed: the store is (as far as anyone knows) unavailable. */
    public synchronized boolean failing() {
        return failures > 0;
    }

    private <T> T observed(Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (StoreUnavailableException e) {
            failed(e);
            throw e;
        }
        recovered();
        return result;
    }

    private synchronized void failed(StoreUnavailableException e) {
        if (failures++ == 0) {
            log.accept("room store unavailable: " + e.getMessage() + "; requests that need it are refused"
                    + " (resource-constraint) until it recovers");
        }
    }

    private synchronized void recovered() {
        if (failures > 0) {
            log.accept("room store recovered after " + failures + " failed operation(s)");
            failures = 0;
        }
    }
}
