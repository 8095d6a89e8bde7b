package dev.mucengine.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;

/**
 * The default store: records kept in memory. Survives a restart of the engine object (a new
 * service over the same store), not of the process. Safe to share between services.
 */
public final class InMemoryRoomStore implements RoomStore {

    private final Map<EntityBareJid, RoomRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<RoomRecord> load(EntityBareJid room) {
        return Optional.ofNullable(records.get(room));
    }

    @Override
    public void save(RoomRecord record) {
        records.put(record.jid(), record);
    }

    @Override
    public void delete(EntityBareJid room) {
        records.remove(room);
    }

    @Override
    public Collection<RoomRecord> all() {
        return List.copyOf(records.values());
    }
}
