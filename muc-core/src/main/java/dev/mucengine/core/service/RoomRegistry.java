package dev.mucengine.core.service;

import dev.mucengine.core.internal.room.Modules;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomRouter;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * The rooms a service hosts. Live rooms are held in memory; every room, live or only stored, has
 * a {@link DirectoryEntry}. The directory is read from the store once, at start, and kept current
 * from the engine's own transitions, so listing rooms never loads one. A stored room is brought to
 * life from its record when a stanza addresses it: {@link RoomStore#load} is the one read the
 * engine makes while handling a stanza.
 *
 * <p>After each transition, {@link #settle} turns what changed in the room into durable changes:
 * none for a temporary room, the whole record when a room becomes persistent, the room's own
 * changes while it stays persistent, a removal when it is destroyed or made temporary.
 *
 * <p><b>Shared by partitions.</b> A host may run the rooms on several threads, each room on one
 * ({@link MucService}). Every key of these maps (a room) is written by the one thread that owns
 * the room, so the maps only need to be safe for concurrent use, not locked: lock-free concurrent
 * collections, and atomic reservations for the quotas that span rooms ({@link #reserveRoom},
 * {@link #reserveCreator}), so that two partitions creating rooms at once cannot both take the last
 * place. Listing the rooms ({@link #listed}) reads only these collections and the immutable
 * entries in them, never a live room, so that it may run on any partition while the others go on:
 * it sees each room as it was after one of its transitions.
 *
 * <p><b>Unloading.</b> A persistent room that empties stays live until the host says its changes
 * are stored ({@link #unloadIdle}): dropped at once, it would be read back, by a later stanza of
 * the same batch, from a store that lacks the batch's changes. So {@link #settle} only notes it.
 */
final class RoomRegistry {

    private final Map<EntityBareJid, Room> live = new ConcurrentHashMap<>();
    /** Sorted by address, the order the public room list is given in. */
    private final Map<EntityBareJid, DirectoryEntry> directory =
            new ConcurrentSkipListMap<>(Comparator.comparing(Jid::toString));
    private final Set<EntityBareJid> stored = ConcurrentHashMap.newKeySet();
    /**
     * The live rooms that are locked (XEP-0045 §10.1.1: created, not yet configured), kept by
     * their partitions at {@link #add} and {@link #settle}, so that listing them reads no room.
     */
    private final Set<EntityBareJid> locked = ConcurrentHashMap.newKeySet();
    /** Live rooms that were empty and persistent when last settled: to unload once their changes are stored. */
    private final Set<EntityBareJid> idle = ConcurrentHashMap.newKeySet();
    private final Map<BareJid, Integer> createdBy = new ConcurrentHashMap<>();
    /** Directory entries plus places reserved for rooms being created (the skip list counts in linear time). */
    private final AtomicInteger rooms = new AtomicInteger();
    private final RoomStore store;
    private final Modules modules;

    RoomRegistry(RoomStore store, Modules modules) {
        this.store = store;
        this.modules = modules;
        for (DirectoryEntry entry : store.directory()) {
            directory.put(entry.jid(), entry);
            stored.add(entry.jid());
            entry.creator().ifPresent(c -> createdBy.merge(c, 1, Integer::sum));
        }
        rooms.set(directory.size());
    }

    /** The room if it is live; a stored room is not read. */
    Optional<Room> live(EntityBareJid jid) {
        return Optional.ofNullable(live.get(jid));
    }

    /** The live room, or the stored one brought to life. */
    Optional<Room> find(EntityBareJid jid) {
        Room room = live.get(jid);
        if (room != null) {
            return Optional.of(room);
        }
        if (!stored.contains(jid)) {
            return Optional.empty();
        }
        Optional<RoomRecord> record = store.load(jid);
        if (record.isEmpty()) {
            forget(jid); // the store lost it: the directory must not promise it any longer
            stored.remove(jid);
            return Optional.empty();
        }
        Room restored = Room.restore(record.get(), modules);
        live.put(jid, restored);
        return Optional.of(restored);
    }

    /**
     * Drops the live room (if any) without a word to its occupants; the caller tells them. The room
     * is read from the store again when next addressed, whatever the store now holds: its record,
     * or nothing (then it is forgotten).
     */
    Optional<Room> discard(EntityBareJid jid) {
        Room room = live.remove(jid);
        locked.remove(jid); // listed as stored until it is live again
        if (room == null && !directory.containsKey(jid)) {
            return Optional.empty();
        }
        stored.add(jid);
        return Optional.ofNullable(room);
    }

    /** Whether a room has this address, live or stored (reads nothing). */
    boolean has(EntityBareJid jid) {
        return live.containsKey(jid) || directory.containsKey(jid);
    }

    /**
     * Takes a place for one more room if fewer than {@code maxRooms} exist (live or stored): the
     * place is the new room's once {@link #add} adds it; give it back with {@link #unreserveRoom}
     * if the room is not created after all.
     */
    boolean reserveRoom(int maxRooms) {
        int n;
        do {
            n = rooms.get();
            if (n >= maxRooms) {
                return false;
            }
        } while (!rooms.compareAndSet(n, n + 1));
        return true;
    }

    void unreserveRoom() {
        rooms.decrementAndGet();
    }

    /**
     * Counts one more room created by {@code creator} if fewer than {@code max} of theirs exist;
     * atomic, so partitions creating rooms for one user at once cannot both pass. The count drops
     * again when the room is forgotten, or at once with {@link #unreserveCreator}.
     */
    boolean reserveCreator(BareJid creator, int max) {
        boolean[] taken = {false};
        createdBy.compute(creator, (k, n) -> {
            int count = n == null ? 0 : n;
            if (count >= max) {
                return n;
            }
            taken[0] = true;
            return count + 1;
        });
        return taken[0];
    }

    void unreserveCreator(BareJid creator) {
        createdBy.computeIfPresent(creator, (k, v) -> v > 1 ? v - 1 : null);
    }

    /**
     * A room that was just created, its place and its creator's count reserved; {@link #settle}
     * follows once its first transition is done.
     */
    void add(Room room) {
        live.put(room.jid(), room);
        keepLocked(room); // before its entry: a locked room is never listed, not even for a moment
        if (directory.put(room.jid(), entryOf(room)) != null) {
            rooms.decrementAndGet(); // it had an entry already: the reserved place is not needed
        }
    }

    /**
     * The directory entries of the public rooms anyone may see listed, in address order; locked
     * rooms are not listed (destroyed ones are already gone from the directory). Safe on any
     * partition: reads no live room.
     */
    List<DirectoryEntry> listed() {
        List<DirectoryEntry> result = new ArrayList<>();
        for (DirectoryEntry entry : directory.values()) {
            if (entry.publicRoom() && !locked.contains(entry.jid())) {
                result.add(entry);
            }
        }
        return result;
    }

    /** How many rooms are live (in memory). */
    int liveCount() {
        return live.size();
    }

    /**
     * Unloads the rooms noted idle that {@code owned} accepts and that may go without losing
     * anything ({@code losesNothing}), as they are now; their directory entries stay, and a stanza
     * to one loads it from the store again. Call only once their changes are stored. Each room
     * noted is checked once: one that may not go yet is noted again when it next settles empty;
     * one whose check needed a read that failed stays noted, to be checked at the next call.
     *
     * @return how many rooms were unloaded
     */
    int unloadIdle(Predicate<EntityBareJid> owned, Predicate<Room> losesNothing) {
        int unloaded = 0;
        for (Iterator<EntityBareJid> it = idle.iterator(); it.hasNext(); ) {
            EntityBareJid jid = it.next();
            if (!owned.test(jid)) {
                continue;
            }
            Room room = live.get(jid);
            try {
                if (room != null && stored.contains(jid) && losesNothing.test(room)) {
                    live.remove(jid);
                    unloaded++;
                }
            } catch (StoreUnavailableException e) {
                continue; // not known yet: asked again next time
            }
            it.remove();
        }
        return unloaded;
    }

    /** The live rooms in address order, so that what is done to all of them is done in a stable order. */
    List<Room> live() {
        List<Room> rooms = new ArrayList<>(live.values());
        rooms.sort(Comparator.comparing(room -> room.jid().toString()));
        return rooms;
    }

    /**
     * After a transition of {@code room}: reports its durable changes into {@code out}, keeps its
     * directory entry current, and forgets it if it was destroyed or is an empty temporary room.
     * An empty persistent room is noted, to unload once its changes are stored ({@link #unloadIdle}).
     */
    void settle(Room room, Outbox out) {
        List<DurableChange> changes = room.drainChanges();
        EntityBareJid jid = room.jid();
        boolean wasStored = stored.contains(jid);
        if (room.destroyed() || room.isEmpty() && !room.config().persistent()) {
            RoomRouter.closing(room, out);
            live.remove(jid);
            forget(jid);
            locked.remove(jid);
            if (wasStored) {
                stored.remove(jid);
                out.record(new DurableChange.RoomRemoved(jid));
            }
            return;
        }
        if (room.config().persistent()) {
            if (wasStored) {
                changes.forEach(out::record);
            } else {
                stored.add(jid);
                out.record(new DurableChange.RoomStored(room.record()));
            }
            if (room.isEmpty()) {
                idle.add(jid);
            }
        } else if (wasStored) {
            stored.remove(jid);
            out.record(new DurableChange.RoomRemoved(jid));
        }
        keepLocked(room);
        DirectoryEntry entry = directory.get(jid);
        if (entry == null || !matches(entry, room)) {
            if (directory.put(jid, entryOf(room)) == null) {
                rooms.incrementAndGet();
            }
        }
    }

    private void keepLocked(Room room) {
        if (room.locked()) {
            locked.add(room.jid());
        } else {
            locked.remove(room.jid());
        }
    }

    private void forget(EntityBareJid jid) {
        DirectoryEntry entry = directory.remove(jid);
        if (entry != null) {
            rooms.decrementAndGet();
            entry.creator().ifPresent(this::unreserveCreator);
        }
    }

    private static boolean matches(DirectoryEntry entry, Room room) {
        return entry.occupants() == room.occupantCount() && entry.publicRoom() == room.config().publicRoom()
                && entry.name().equals(room.config().name());
    }

    private static DirectoryEntry entryOf(Room room) {
        return new DirectoryEntry(room.jid(), room.config().name(), room.config().publicRoom(),
                room.occupantCount(), room.creator());
    }
}
