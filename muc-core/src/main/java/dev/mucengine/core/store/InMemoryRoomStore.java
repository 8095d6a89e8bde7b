package dev.mucengine.core.store;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.Jid;

/**
 * The default store: records and archives kept in memory. Survives a restart of the engine object
 * (a new service over the same store), not of the process. Each room's archive is bounded (1,000
 * messages unless told otherwise): the oldest messages go first. Safe to share between threads.
 */
public final class InMemoryRoomStore implements RoomStore {

    /** Messages a room's archive keeps by default. */
    public static final int DEFAULT_ARCHIVE_CAPACITY = 1000;

    private final Map<EntityBareJid, RoomRecord> records = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, InMemoryArchive> archives = new ConcurrentHashMap<>();
    private final int archiveCapacity;
    private volatile @Nullable String secret;

    /** An empty store whose room archives keep {@value #DEFAULT_ARCHIVE_CAPACITY} messages each. */
    public InMemoryRoomStore() {
        this(DEFAULT_ARCHIVE_CAPACITY);
    }

    /**
     * An empty store.
     *
     * @param archiveCapacity how many messages each room's archive keeps, at least 1
     * @throws IllegalArgumentException if {@code archiveCapacity} is less than 1
     */
    public InMemoryRoomStore(int archiveCapacity) {
        if (archiveCapacity < 1) {
            throw new IllegalArgumentException("archiveCapacity must be at least 1");
        }
        this.archiveCapacity = archiveCapacity;
    }

    @Override
    public List<DirectoryEntry> directory() {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (RoomRecord r : records.values()) {
            entries.add(r.directoryEntry());
        }
        return entries;
    }

    @Override
    public Optional<RoomRecord> load(EntityBareJid room) {
        return Optional.ofNullable(records.get(room));
    }

    @Override
    public Optional<ArchivePage> queryArchive(EntityBareJid room, ArchiveQuery query) {
        InMemoryArchive archive = archives.get(room);
        if (archive == null) {
            return new InMemoryArchive(1).query(query);
        }
        synchronized (archive) {
            return archive.query(query);
        }
    }

    @Override
    public void apply(List<DurableChange> changes) {
        for (DurableChange change : changes) {
            apply(change);
        }
    }

    @Override
    public Optional<String> serviceSecret() {
        return Optional.ofNullable(secret);
    }

    private void apply(DurableChange change) {
        if (change instanceof DurableChange.ServiceSecretCreated created) {
            secret = created.secret();
            return;
        }
        EntityBareJid jid = ((DurableChange.RoomChange) change).room();
        if (change instanceof DurableChange.RoomStored s) {
            records.put(jid, s.record());
        } else if (change instanceof DurableChange.RoomRemoved) {
            records.remove(jid);
            archives.remove(jid);
        } else if (change instanceof DurableChange.MessageArchived m) {
            InMemoryArchive archive = archives.computeIfAbsent(jid, k -> new InMemoryArchive(archiveCapacity));
            synchronized (archive) {
                archive.append(m.message());
            }
        } else if (change instanceof DurableChange.ArchiveTrimmed t) {
            InMemoryArchive archive = archives.get(jid);
            if (archive != null) {
                synchronized (archive) {
                    archive.trim(t);
                }
            }
        } else if (change instanceof DurableChange.MessageRetracted r) {
            InMemoryArchive archive = archives.get(jid);
            if (archive != null) {
                synchronized (archive) {
                    archive.retract(r);
                }
            }
        } else if (change instanceof DurableChange.ConfigChanged c) {
            records.computeIfPresent(jid, (k, r) -> new RoomRecord(k, c.config(), r.affiliations(), r.subject(),
                    r.creator(), r.vcard()));
        } else if (change instanceof DurableChange.SubjectChanged s) {
            records.computeIfPresent(jid, (k, r) -> new RoomRecord(k, r.config(), r.affiliations(), s.subject(),
                    r.creator(), r.vcard()));
        } else if (change instanceof DurableChange.AffiliationChanged a) {
            records.computeIfPresent(jid, (k, r) -> new RoomRecord(k, r.config(), withEntry(r.affiliations(),
                    a.entry()), r.subject(), r.creator(), r.vcard()));
        } else if (change instanceof DurableChange.RoomVcardChanged v) {
            records.computeIfPresent(jid, (k, r) -> r.withVcard(v.vcard()));
        }
    }

    /**
     * The entries without the JID's old one and, unless the new one is none, with the new one last:
     * the order in which entries were set, as the room itself keeps it.
     */
    private static List<AffiliationEntry> withEntry(List<AffiliationEntry> entries, AffiliationEntry entry) {
        Jid key = entry.jid().asBareJid();
        List<AffiliationEntry> result = new ArrayList<>(entries.size() + 1);
        for (AffiliationEntry e : entries) {
            if (!e.jid().asBareJid().equals(key)) {
                result.add(e);
            }
        }
        if (entry.affiliation() != Affiliation.NONE) {
            result.add(entry);
        }
        return result;
    }
}
