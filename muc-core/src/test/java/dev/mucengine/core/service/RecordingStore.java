package dev.mucengine.core.service;

import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/** The in-memory store, with the reads the engine makes recorded, and an archive that can be down. */
final class RecordingStore implements RoomStore {

    final InMemoryRoomStore records = new InMemoryRoomStore();
    final List<String> reads = new ArrayList<>();
    /** While set, archive reads fail as a real store's would. */
    boolean archiveDown;

    @Override
    public List<DirectoryEntry> directory() {
        reads.add("directory");
        return records.directory();
    }

    @Override
    public Optional<String> serviceSecret() {
        return records.serviceSecret();
    }

    @Override
    public Optional<RoomRecord> load(EntityBareJid room) {
        reads.add("load " + room);
        return records.load(room);
    }

    @Override
    public Optional<ArchivePage> queryArchive(EntityBareJid room, ArchiveQuery query) {
        reads.add("archive " + room);
        if (archiveDown) {
            throw new StoreUnavailableException("archive unreachable (test outage)");
        }
        return records.queryArchive(room, query);
    }

    @Override
    public void apply(List<DurableChange> changes) {
        records.apply(changes);
    }
}
