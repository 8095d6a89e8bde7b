package dev.mucengine.core.service;

import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Room;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.store.RoomStore;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * The rooms a service hosts: O(1) lookup, rooms restored from the store on first use, creation
 * counted per creator so the per-user limit holds, and durable state written back after changes.
 */
final class RoomRegistry {

    private final Map<EntityBareJid, Room> rooms = new LinkedHashMap<>();
    private final Map<EntityBareJid, BareJid> creators = new HashMap<>();
    private final Map<BareJid, Integer> createdBy = new HashMap<>();
    private final java.util.Set<EntityBareJid> persisted = new java.util.HashSet<>();
    private final RoomStore store;
    private final int historySize;

    RoomRegistry(RoomStore store, int historySize) {
        this.store = store;
        this.historySize = historySize;
    }

    /** The live room, or the persistent one restored from the store. */
    Optional<Room> find(EntityBareJid jid) {
        Room room = rooms.get(jid);
        if (room != null) {
            return Optional.of(room);
        }
        Optional<RoomRecord> stored = store.load(jid);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Room restored = restore(stored.get());
        rooms.put(jid, restored);
        persisted.add(jid);
        return Optional.of(restored);
    }

    private Room restore(RoomRecord record) {
        Room room = new Room(record.jid(), record.config(), historySize);
        for (AffiliationEntry entry : record.affiliations()) {
            room.setAffiliation(entry);
        }
        room.setSubject(record.subject());
        return room;
    }

    int size() {
        return rooms.size();
    }

    int createdBy(BareJid user) {
        return createdBy.getOrDefault(user, 0);
    }

    void add(Room room, BareJid creator) {
        rooms.put(room.jid(), room);
        creators.put(room.jid(), creator);
        createdBy.merge(creator, 1, Integer::sum);
    }

    /** Every room, persistent ones restored from the store first (for the public room list). */
    java.util.List<Room> all() {
        for (RoomRecord record : store.all()) {
            find(record.jid());
        }
        return java.util.List.copyOf(rooms.values());
    }

    Collection<Room> live() {
        return Collections.unmodifiableCollection(rooms.values());
    }

    /** After a transition: forget destroyed and empty temporary rooms, persist durable changes. */
    void settle(Room room, boolean stateChanged) {
        if (room.destroyed() || room.isEmpty() && !room.config().persistent()) {
            forget(room);
            if (persisted.remove(room.jid())) {
                store.delete(room.jid());
            }
            return;
        }
        if (room.config().persistent() && (stateChanged || !persisted.contains(room.jid()))) {
            store.save(snapshot(room));
            persisted.add(room.jid());
        } else if (!room.config().persistent() && persisted.remove(room.jid())) {
            store.delete(room.jid());
        }
    }

    private void forget(Room room) {
        rooms.remove(room.jid());
        BareJid creator = creators.remove(room.jid());
        if (creator != null) {
            createdBy.computeIfPresent(creator, (k, v) -> v > 1 ? v - 1 : null);
        }
    }

    static RoomRecord snapshot(Room room) {
        return new RoomRecord(room.jid(), room.config(), java.util.List.copyOf(room.affiliations()), room.subject());
    }

}
