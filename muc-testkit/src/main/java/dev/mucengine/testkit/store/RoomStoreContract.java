package dev.mucengine.testkit.store;

import static dev.mucengine.testkit.store.ContractFixtures.OTHER_ROOM;
import static dev.mucengine.testkit.store.ContractFixtures.ROOM;
import static dev.mucengine.testkit.store.ContractFixtures.T0;
import static dev.mucengine.testkit.store.ContractFixtures.archived;
import static dev.mucengine.testkit.store.ContractFixtures.archiving;
import static dev.mucengine.testkit.store.ContractFixtures.bare;
import static dev.mucengine.testkit.store.ContractFixtures.entry;
import static dev.mucengine.testkit.store.ContractFixtures.fullConfig;
import static dev.mucengine.testkit.store.ContractFixtures.fullRecord;
import static dev.mucengine.testkit.store.ContractFixtures.ids;
import static dev.mucengine.testkit.store.ContractFixtures.persistentConfig;
import static dev.mucengine.testkit.store.ContractFixtures.plainRecord;
import static dev.mucengine.testkit.store.ContractFixtures.query;
import static dev.mucengine.testkit.store.ContractFixtures.richSubject;
import static dev.mucengine.testkit.store.ContractFixtures.room;
import static dev.mucengine.testkit.store.ContractFixtures.roomVcard;
import static dev.mucengine.testkit.store.ContractFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.xml.XmlWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;

/**
 * The test suite every {@link dev.mucengine.core.store.RoomStore} should pass: what the engine
 * and its host rely on, one test per behaviour. {@link dev.mucengine.core.store.InMemoryRoomStore}
 * defines it; a store of one's own extends this class with {@link #openStore()} (a fresh, empty
 * store) and {@link #reopen} (the same storage after a restart), and runs it with JUnit 5. The
 * suite uses JUnit's own assertions only.
 *
 * <p>Covered: stored records and their fidelity (every configuration field, affiliations in the
 * order they were set, the subject's XML), each kind of {@link DurableChange}, the directory,
 * the archive and every query form ({@link ArchiveContract}), the service secret
 * ({@link ServiceSecretContract}), trimming, batches spanning rooms, and everything surviving a
 * reopen.
 */
public abstract class RoomStoreContract extends ServiceSecretContract {

    /** For subclasses. */
    protected RoomStoreContract() {
    }

    private Optional<RoomRecord> load(EntityBareJid room) {
        return store().load(room);
    }

    private Set<DirectoryEntry> directory() {
        List<DirectoryEntry> entries = store().directory();
        Set<DirectoryEntry> set = new HashSet<>(entries);
        assertEquals(entries.size(), set.size(), "one entry per room: " + entries);
        return set;
    }

    private static DirectoryEntry entryOf(EntityBareJid room, String name, boolean publicRoom,
            Optional<String> creator) {
        return new DirectoryEntry(room, name, publicRoom, 0, creator.map(ContractFixtures::bare));
    }

    /** A new store holds no room and no archive. */
    @Test
    public void anEmptyStoreHoldsNothing() {
        assertEquals(List.of(), store().directory());
        assertEquals(Optional.empty(), load(ROOM));
        assertEquals(List.of(), ends(ROOM));
        assertEquals(Optional.of(new ArchivePage(List.of(), true)),
                store().queryArchive(ROOM, ArchiveQuery.newest(10)));
        store().apply(List.of());
        assertEquals(List.of(), store().directory());
    }

    /** A stored room comes back equal: every configuration field, affiliation, the subject and the creator. */
    @Test
    public void aStoredRoomComesBackWhole() {
        EntityBareJid unicodeRoom = room("conseil-été-会議@muc.example.org");
        RoomRecord record = fullRecord(unicodeRoom);
        apply(stored(record));

        RoomRecord loaded = load(unicodeRoom).orElseThrow();
        assertEquals(record.config(), loaded.config());
        assertEquals(List.copyOf(fullConfig().settings().keySet()), List.copyOf(loaded.config().settings().keySet()),
                "module settings keep the order they were first set in");
        assertEquals(record.affiliations(), loaded.affiliations());
        assertEquals(record.subject(), loaded.subject());
        assertEquals(XmlWriter.write(record.subject().orElseThrow().element()),
                XmlWriter.write(loaded.subject().orElseThrow().element()));
        assertEquals(record.creator(), loaded.creator());
        assertEquals(record, loaded);
    }

    /** A record of defaults and nothing else (no affiliation, subject or creator) comes back equal. */
    @Test
    public void aPlainRecordComesBackEqual() {
        RoomRecord plain = plainRecord(ROOM, "");
        RoomRecord emptyPassword = new RoomRecord(OTHER_ROOM, persistentConfig(" spaced ").toBuilder()
                .password(Optional.of("")).build(), List.of(), Optional.empty(), Optional.empty());
        apply(stored(plain), stored(emptyPassword));
        assertEquals(Optional.of(plain), load(ROOM));
        assertEquals(Optional.of(emptyPassword), load(OTHER_ROOM));
    }

    /** Storing a room again replaces its record whole. */
    @Test
    public void roomStoredReplacesThePreviousRecord() {
        apply(stored(fullRecord(ROOM)));
        RoomRecord replacement = new RoomRecord(ROOM, persistentConfig("renewed"),
                List.of(entry("new-owner@example.net", Affiliation.OWNER)), Optional.empty(),
                Optional.of(bare("someone@example.net")));
        apply(stored(replacement));
        assertEquals(Optional.of(replacement), load(ROOM));
        assertEquals(Set.of(entryOf(ROOM, "renewed", true, Optional.of("someone@example.net"))), directory());
    }

    /** A configuration change replaces the configuration and keeps the rest of the record. */
    @Test
    public void configChangedReplacesTheConfiguration() {
        RoomRecord record = fullRecord(ROOM);
        apply(stored(record));
        RoomConfig changed = fullConfig().toBuilder().name("Renamed").publicRoom(true).password(Optional.empty())
                .setting("x-wordfilter#words", List.of("delta")).setting("x-new", List.of("1", "2")).build();
        apply(new DurableChange.ConfigChanged(ROOM, changed));
        assertEquals(Optional.of(new RoomRecord(ROOM, changed, record.affiliations(), record.subject(),
                record.creator(), record.vcard())), load(ROOM));
        assertEquals(List.copyOf(changed.settings().keySet()),
                List.copyOf(load(ROOM).orElseThrow().config().settings().keySet()));
    }

    /** A new affiliation entry goes last; setting an entry again updates it and moves it last. */
    @Test
    public void affiliationChangesKeepTheOrderEntriesWereSetIn() {
        apply(stored(plainRecord(ROOM, "council")));
        AffiliationEntry owner = entry("owner@example.net", Affiliation.OWNER);
        AffiliationEntry member = entry("member@example.net", Affiliation.MEMBER, "Memb", "invited");
        AffiliationEntry outcast = entry("spam.example", Affiliation.OUTCAST);
        apply(new DurableChange.AffiliationChanged(ROOM, owner), new DurableChange.AffiliationChanged(ROOM, member));
        apply(new DurableChange.AffiliationChanged(ROOM, outcast));
        assertEquals(List.of(owner, member, outcast), load(ROOM).orElseThrow().affiliations());

        AffiliationEntry admin = entry("member@example.net", Affiliation.ADMIN, "Promoted", "earned it");
        apply(new DurableChange.AffiliationChanged(ROOM, admin));
        assertEquals(List.of(owner, outcast, admin), load(ROOM).orElseThrow().affiliations());

        AffiliationEntry ownerAgain = entry("owner@example.net", Affiliation.OWNER, "Boss", "same affiliation");
        apply(new DurableChange.AffiliationChanged(ROOM, ownerAgain));
        assertEquals(List.of(outcast, admin, ownerAgain), load(ROOM).orElseThrow().affiliations());
    }

    /** An entry with affiliation none removes the JID's entry; for a JID without one it changes nothing. */
    @Test
    public void affiliationNoneRemovesTheEntry() {
        RoomRecord record = fullRecord(ROOM);
        apply(stored(record));
        apply(new DurableChange.AffiliationChanged(ROOM, entry("admin@example.net", Affiliation.NONE)));
        List<AffiliationEntry> expected = new ArrayList<>(record.affiliations());
        expected.remove(1);
        assertEquals(expected, load(ROOM).orElseThrow().affiliations());
        apply(new DurableChange.AffiliationChanged(ROOM, entry("stranger@example.net", Affiliation.NONE)));
        assertEquals(expected, load(ROOM).orElseThrow().affiliations());
        apply(new DurableChange.AffiliationChanged(ROOM, entry("admin@example.net", Affiliation.MEMBER)));
        expected.add(entry("admin@example.net", Affiliation.MEMBER));
        assertEquals(expected, load(ROOM).orElseThrow().affiliations());
    }

    /** A subject change sets the subject, XML intact, and an empty one clears it. */
    @Test
    public void subjectChangedSetsAndClearsTheSubject() {
        apply(stored(plainRecord(ROOM, "council")));
        apply(new DurableChange.SubjectChanged(ROOM, Optional.of(richSubject(ROOM))));
        assertEquals(Optional.of(richSubject(ROOM)), load(ROOM).orElseThrow().subject());
        apply(new DurableChange.SubjectChanged(ROOM, Optional.empty()));
        assertEquals(Optional.of(plainRecord(ROOM, "council")), load(ROOM));
    }

    /** A vCard change sets the room's vCard, XML intact, keeps the rest, and an empty one clears it. */
    @Test
    public void roomVcardChangedSetsAndClearsTheVcard() {
        apply(stored(plainRecord(ROOM, "council")), stored(fullRecord(OTHER_ROOM)));
        apply(new DurableChange.RoomVcardChanged(ROOM, Optional.of(roomVcard("R0lGODlh"))));
        assertEquals(Optional.of(plainRecord(ROOM, "council").withVcard(Optional.of(roomVcard("R0lGODlh")))),
                load(ROOM));
        apply(new DurableChange.RoomVcardChanged(ROOM, Optional.empty()));
        assertEquals(Optional.of(plainRecord(ROOM, "council")), load(ROOM));
        assertEquals(Optional.of(fullRecord(OTHER_ROOM)), load(OTHER_ROOM));
        apply(new DurableChange.RoomVcardChanged(room("never-stored@muc.example.org"),
                Optional.of(roomVcard("AA=="))));
        assertEquals(2, directory().size());
    }

    /** Removing a room deletes its record and its archive; stored again, it starts with an empty archive. */
    @Test
    public void roomRemovedDeletesTheRecordAndTheArchive() {
        apply(stored(fullRecord(ROOM)), stored(plainRecord(OTHER_ROOM, "lobby")));
        store().apply(archiving(ROOM, 0, 5));
        store().apply(archiving(OTHER_ROOM, 5, 7));
        apply(new DurableChange.RoomRemoved(ROOM));

        assertEquals(Optional.empty(), load(ROOM));
        assertEquals(Set.of(entryOf(OTHER_ROOM, "lobby", true, Optional.empty())), directory());
        assertEquals(List.of(), ends(ROOM));
        assertEquals(Optional.empty(), store().queryArchive(ROOM, query(10).afterId("m1").build()));
        assertEquals(List.of("m5", "m6"), allIds(OTHER_ROOM));

        apply(stored(plainRecord(ROOM, "again")));
        assertEquals(List.of(), allIds(ROOM));
        assertEquals(Optional.of(plainRecord(ROOM, "again")), load(ROOM));
        apply(new DurableChange.RoomRemoved(room("never-stored@muc.example.org")));
        assertEquals(2, directory().size());
    }

    /** The directory has one entry per stored room, with its name, public flag and creator, and follows changes. */
    @Test
    public void theDirectoryListsEveryStoredRoom() {
        apply(stored(fullRecord(ROOM)), stored(plainRecord(OTHER_ROOM, "lobby")));
        assertEquals(Set.of(entryOf(ROOM, fullConfig().name(), false, Optional.of("creator@example.net")),
                entryOf(OTHER_ROOM, "lobby", true, Optional.empty())), directory());
        apply(new DurableChange.ConfigChanged(OTHER_ROOM, persistentConfig("hidden lobby").toBuilder()
                .publicRoom(false).build()));
        assertEquals(Set.of(fullRecord(ROOM).directoryEntry(), entryOf(OTHER_ROOM, "hidden lobby", false,
                Optional.empty())), directory());
    }

    /** One batch of many changes over several rooms leaves each room as if applied one by one. */
    @Test
    public void oneBatchAcrossSeveralRoomsAppliesEveryChangeInOrder() {
        EntityBareJid third = room("third@muc.example.org");
        apply(stored(plainRecord(third, "doomed")));
        AffiliationEntry member = entry("member@example.net", Affiliation.MEMBER);
        AffiliationEntry admin = entry("member@example.net", Affiliation.ADMIN);
        AffiliationEntry owner = entry("owner@example.net", Affiliation.OWNER);
        List<DurableChange> batch = new ArrayList<>();
        batch.add(stored(plainRecord(ROOM, "council")));
        batch.add(stored(plainRecord(OTHER_ROOM, "lobby")));
        batch.add(new DurableChange.AffiliationChanged(ROOM, member));
        batch.add(new DurableChange.AffiliationChanged(ROOM, owner));
        for (int i = 0; i < 100; i++) {
            EntityBareJid room = i % 2 == 0 ? ROOM : OTHER_ROOM;
            batch.add(new DurableChange.MessageArchived(room, archived(room, i)));
            batch.add(new DurableChange.ArchiveTrimmed(room, Optional.empty(), OptionalInt.of(30)));
        }
        batch.add(new DurableChange.AffiliationChanged(ROOM, entry("member@example.net", Affiliation.NONE)));
        batch.add(new DurableChange.AffiliationChanged(ROOM, admin));
        batch.add(new DurableChange.ConfigChanged(ROOM, persistentConfig("renamed")));
        batch.add(new DurableChange.SubjectChanged(OTHER_ROOM, Optional.of(richSubject(OTHER_ROOM))));
        batch.add(new DurableChange.RoomVcardChanged(OTHER_ROOM, Optional.of(roomVcard("AAAA"))));
        batch.add(new DurableChange.RoomRemoved(third));
        store().apply(batch);

        assertEquals(Optional.of(new RoomRecord(ROOM, persistentConfig("renamed"), List.of(owner, admin),
                Optional.empty(), Optional.empty())), load(ROOM));
        assertEquals(Optional.of(richSubject(OTHER_ROOM)), load(OTHER_ROOM).orElseThrow().subject());
        assertEquals(Optional.of(roomVcard("AAAA")), load(OTHER_ROOM).orElseThrow().vcard());
        assertEquals(Optional.empty(), load(third));
        List<String> evens = new ArrayList<>();
        List<String> odds = new ArrayList<>();
        for (int i = 40; i < 100; i++) {
            (i % 2 == 0 ? evens : odds).add("m" + i);
        }
        assertEquals(evens, allIds(ROOM));
        assertEquals(odds, allIds(OTHER_ROOM));
        assertEquals(2, directory().size());
    }

    /** A batch may store a room, fill its archive and remove it again: nothing of it stays. */
    @Test
    public void aBatchThatStoresAndRemovesARoomLeavesNothing() {
        List<DurableChange> batch = new ArrayList<>();
        batch.add(stored(fullRecord(ROOM)));
        batch.addAll(archiving(ROOM, 0, 5));
        batch.add(new DurableChange.RoomRemoved(ROOM));
        store().apply(batch);
        assertEquals(Optional.empty(), load(ROOM));
        assertEquals(List.of(), store().directory());
        assertEquals(List.of(), ends(ROOM));
    }

    /**
     * Calls from several threads at once (a host may read on one thread while another commits)
     * lose nothing and see no half-applied batch.
     *
     * @throws Exception if a thread fails
     */
    @Test
    public void callsFromSeveralThreadsLoseNothing() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                EntityBareJid room = room("room" + t + "@muc.example.org");
                done.add(pool.submit(() -> {
                    store().apply(List.of(stored(plainRecord(room, "r"))));
                    for (int batch = 0; batch < 10; batch++) {
                        store().apply(archiving(room, batch * 5, batch * 5 + 5));
                        int size = store().queryArchive(room, query(100).build()).orElseThrow().messages().size();
                        assertEquals(batch * 5 + 5, size, "a batch is seen whole");
                        store().directory();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS); // a safety net against a deadlock, not a timing assumption
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads, directory().size());
        for (int t = 0; t < threads; t++) {
            assertEquals(ids(0, 50), allIds(room("room" + t + "@muc.example.org")));
        }
    }

    /** Records, affiliation order, subjects, archives and the directory all survive a reopen. */
    @Test
    public void everythingSurvivesAReopen() {
        RoomRecord full = fullRecord(ROOM);
        apply(stored(full), stored(plainRecord(OTHER_ROOM, "lobby")));
        AffiliationEntry moved = entry("owner@example.net", Affiliation.OWNER, "Chair", "re-set");
        apply(new DurableChange.AffiliationChanged(ROOM, moved));
        store().apply(archiving(ROOM, 0, 120));
        store().apply(archiving(OTHER_ROOM, 0, 3));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.of(T0.plusSeconds(20)), OptionalInt.of(90)));
        Set<DirectoryEntry> directory = directory();
        RoomRecord room = load(ROOM).orElseThrow();
        List<?> page = store().queryArchive(ROOM, query(15).nick("user1").pageAfter("m40").build()).orElseThrow()
                .messages();

        reopenStore();

        assertEquals(directory, directory());
        assertEquals(room, load(ROOM).orElseThrow());
        assertEquals(moved, room.affiliations().get(room.affiliations().size() - 1));
        assertEquals(List.copyOf(full.config().settings().keySet()),
                List.copyOf(load(ROOM).orElseThrow().config().settings().keySet()));
        assertEquals(Optional.of(plainRecord(OTHER_ROOM, "lobby")), load(OTHER_ROOM));
        assertEquals(ids(30, 120), allIds(ROOM));
        assertEquals(ids(0, 3), allIds(OTHER_ROOM));
        assertEquals(page, store().queryArchive(ROOM, query(15).nick("user1").pageAfter("m40").build()).orElseThrow()
                .messages());
        assertEquals(List.of("m30@" + T0.plusSeconds(30), "m119@" + T0.plusSeconds(119)), ends(ROOM));
        store().apply(archiving(ROOM, 120, 121));
        assertEquals("m120@" + T0.plusSeconds(120), ends(ROOM).get(1));
        assertTrue(store().queryArchive(ROOM, query(1).afterId("m119").build()).orElseThrow().complete());
    }
}
