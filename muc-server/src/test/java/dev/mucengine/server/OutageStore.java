package dev.mucengine.server;

import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jxmpp.jid.EntityBareJid;

/**
 * The in-memory store with an outage switch, for the router's unit tests: while down, every call
 * fails as a real store's would, and nothing is written. The SQL store's own tests and the crash
 * tests show the same behaviour against real databases.
 */
final class OutageStore implements RoomStore {

    final InMemoryRoomStore stored = new InMemoryRoomStore();
    /** Every batch stored, in the order applied. */
    final List<List<DurableChange>> applied = new CopyOnWriteArrayList<>();
    volatile boolean down;
    /** Only writes fail, as on a full disk: reads go on. */
    volatile boolean writesFail;

    private void check() {
        if (down) {
            throw new StoreUnavailableException("database unreachable (test outage)");
        }
    }

    @Override
    public List<DirectoryEntry> directory() {
        check();
        return stored.directory();
    }

    @Override
    public Optional<String> serviceSecret() {
        check();
        return stored.serviceSecret();
    }

    @Override
    public Optional<RoomRecord> load(EntityBareJid room) {
        check();
        return stored.load(room);
    }

    @Override
    public Optional<ArchivePage> queryArchive(EntityBareJid room, ArchiveQuery query) {
        check();
        return stored.queryArchive(room, query);
    }

    @Override
    public void apply(List<DurableChange> changes) {
        check();
        if (writesFail) {
            throw new StoreUnavailableException("disk full (test outage)");
        }
        stored.apply(changes);
        applied.add(List.copyOf(changes));
    }
}
