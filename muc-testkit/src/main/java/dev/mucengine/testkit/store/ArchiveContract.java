package dev.mucengine.testkit.store;

import static dev.mucengine.testkit.store.ContractFixtures.OTHER_ROOM;
import static dev.mucengine.testkit.store.ContractFixtures.ROOM;
import static dev.mucengine.testkit.store.ContractFixtures.T0;
import static dev.mucengine.testkit.store.ContractFixtures.archived;
import static dev.mucengine.testkit.store.ContractFixtures.archiving;
import static dev.mucengine.testkit.store.ContractFixtures.ids;
import static dev.mucengine.testkit.store.ContractFixtures.jid;
import static dev.mucengine.testkit.store.ContractFixtures.plainRecord;
import static dev.mucengine.testkit.store.ContractFixtures.query;
import static dev.mucengine.testkit.store.ContractFixtures.room;
import static dev.mucengine.testkit.store.ContractFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The archive half of {@link RoomStoreContract}: the order of a room's archive and every form of
 * query the engine makes of it (XEP-0313). Extend {@link RoomStoreContract}, which includes these
 * tests; this class only keeps each file of the suite readable.
 *
 * <p>Most tests archive messages {@code m0, m1, ...} in one room: message {@code i} is received
 * {@code i} seconds after a fixed instant, sent by {@code user<i % 3>} from the real JID
 * {@code user<i % 3>@example.net/device<i % 2>}.
 */
public abstract class ArchiveContract extends RetractionContract {

    /** For subclasses. */
    protected ArchiveContract() {
    }

    /**
     * Stores {@link ContractFixtures#ROOM} and archives messages {@code m0} to {@code m<count - 1>} in it.
     *
     * @param count how many messages
     */
    private void archiveInRoom(int count) {
        apply(stored(plainRecord(ROOM, "council")));
        store().apply(archiving(ROOM, 0, count));
    }

    private ArchivePage page(ArchiveQuery q) {
        Optional<ArchivePage> page = store().queryArchive(ROOM, q);
        assertTrue(page.isPresent(), "the query names no unknown id, so it has a page");
        return page.get();
    }

    private List<String> pageIds(ArchiveQuery q) {
        return ids(page(q).messages());
    }

    /** Messages come back whole (XML, nickname, real JID, instant) and in the order they were archived. */
    @Test
    public void messagesComeBackWholeInArchiveOrder() {
        apply(stored(plainRecord(ROOM, "council")));
        // Out of time order and two at the same instant: the archive order is the order of archiving.
        ArchivedMessage first = archived(ROOM, "b", T0.plusSeconds(10), "Zoë", Optional.of(jid("zoe@example.net/a")),
                "<hello> & \"bye\" 👋");
        ArchivedMessage second = archived(ROOM, "a", T0.plusSeconds(5), "anon", Optional.empty(), "no real JID");
        ArchivedMessage third = archived(ROOM, "c", T0.plusSeconds(5).plusMillis(123), "x", Optional.of(
                jid("x@example.net")), "bare real JID");
        ArchivedMessage fourth = archived(ROOM, "d", T0.plusSeconds(5).plusMillis(123), "x", Optional.empty(),
                "same instant");
        apply(new DurableChange.MessageArchived(ROOM, first), new DurableChange.MessageArchived(ROOM, second),
                new DurableChange.MessageArchived(ROOM, third), new DurableChange.MessageArchived(ROOM, fourth));

        ArchivePage page = page(query(10).build());
        assertEquals(List.of(first, second, third, fourth), page.messages());
        assertTrue(page.complete());
    }

    /** Instants are kept to the millisecond, including before 1970. */
    @Test
    public void instantsAreKeptToTheMillisecond() {
        apply(stored(plainRecord(ROOM, "council")));
        Instant precise = Instant.parse("2025-03-01T12:00:00.123456789Z");
        Instant old = Instant.parse("1969-07-20T20:17:40.5Z");
        apply(new DurableChange.MessageArchived(ROOM, archived(ROOM, "p", precise, "a", Optional.empty(), "p")),
                new DurableChange.MessageArchived(ROOM, archived(ROOM, "o", old, "a", Optional.empty(), "o")));
        List<ArchivedMessage> messages = page(query(10).build()).messages();
        assertEquals(Instant.parse("2025-03-01T12:00:00.123Z"), messages.get(0).at());
        assertEquals(old, messages.get(1).at());
    }

    /** A room without an archive, or not stored at all, answers as an empty archive. */
    @Test
    public void aRoomWithoutArchiveAnswersAsAnEmptyArchive() {
        apply(stored(plainRecord(ROOM, "council")));
        for (var room : List.of(ROOM, OTHER_ROOM)) {
            assertEquals(Optional.of(new ArchivePage(List.of(), true)), store().queryArchive(room, query(10).build()));
            assertEquals(Optional.of(new ArchivePage(List.of(), true)),
                    store().queryArchive(room, ArchiveQuery.newest(10)));
            assertEquals(List.of(), ends(room));
            assertEquals(Optional.empty(), store().queryArchive(room, query(10).afterId("m1").build()));
        }
    }

    /** {@code start} and {@code end} include the messages received at exactly those instants. */
    @Test
    public void startAndEndAreInclusive() {
        archiveInRoom(10);
        assertEquals(ids(3, 7), pageIds(query(100).start(T0.plusSeconds(3)).end(T0.plusSeconds(6)).build()));
        assertEquals(ids(8, 10), pageIds(query(100).start(T0.plusSeconds(8)).build()));
        assertEquals(ids(0, 2), pageIds(query(100).end(T0.plusSeconds(1)).build()));
        assertEquals(List.of("m4"), pageIds(query(100).start(T0.plusSeconds(4)).end(T0.plusSeconds(4)).build()));
        assertEquals(List.of(), pageIds(query(100).start(T0.plusSeconds(5)).end(T0.plusSeconds(4)).build()));
    }

    /** Bounds finer than a millisecond compare with the instant as kept: no rounding lets a message in. */
    @Test
    public void boundsFinerThanAMillisecondAreExact() {
        archiveInRoom(3);
        Instant at1 = T0.plusSeconds(1);
        assertEquals(List.of("m2"), pageIds(query(100).start(at1.plusNanos(500_000)).build()));
        assertEquals(ids(1, 3), pageIds(query(100).start(at1.minusNanos(1)).build()));
        assertEquals(ids(0, 2), pageIds(query(100).end(at1.plusNanos(999_999)).build()));
        assertEquals(List.of("m0"), pageIds(query(100).end(at1.minusNanos(1)).build()));
    }

    /** The most extreme instants a query can hold are bounds like any other. */
    @Test
    public void extremeInstantsAreBoundsLikeAnyOther() {
        archiveInRoom(3);
        assertEquals(ids(0, 3), pageIds(query(100).start(Instant.MIN).end(Instant.MAX).build()));
        assertEquals(List.of(), pageIds(query(100).start(Instant.MAX).build()));
        assertEquals(List.of(), pageIds(query(100).end(Instant.MIN).build()));
        assertEquals(List.of(), pageIds(query(100).start(T0.plusSeconds(3_000_000_000_000L)).build()));
    }

    /** A nickname filter keeps the messages sent under that nickname. */
    @Test
    public void nickSelectsTheMessagesSentUnderIt() {
        archiveInRoom(9);
        assertEquals(List.of("m1", "m4", "m7"), pageIds(query(100).nick("user1").build()));
        assertEquals(List.of(), pageIds(query(100).nick("nobody").build()));
        assertEquals(List.of(), pageIds(query(100).nick("User1").build()));
    }

    /** A bare real JID matches every resource of it; a full one matches only itself. */
    @Test
    public void realJidBareMatchesEveryResourceFullMatchesExactly() {
        archiveInRoom(12);
        apply(new DurableChange.MessageArchived(ROOM, archived(ROOM, "anon", T0.plusSeconds(20), "user0",
                Optional.empty(), "no real JID")));
        apply(new DurableChange.MessageArchived(ROOM, archived(ROOM, "bare", T0.plusSeconds(21), "user0",
                Optional.of(jid("user0@example.net")), "bare real JID")));
        assertEquals(List.of("m0", "m3", "m6", "m9", "bare"), pageIds(query(100).realJid("user0@example.net").build()));
        assertEquals(List.of("m0", "m6"), pageIds(query(100).realJid("user0@example.net/device0").build()));
        assertEquals(List.of("m3", "m9"), pageIds(query(100).realJid("user0@example.net/device1").build()));
        assertEquals(List.of(), pageIds(query(100).realJid("user0@example.net/other").build()));
        assertEquals(List.of(), pageIds(query(100).realJid("example.net").build()));
    }

    /** {@code afterId} and {@code beforeId} bound the matches and are not part of them. */
    @Test
    public void afterIdAndBeforeIdAreExclusive() {
        archiveInRoom(10);
        assertEquals(ids(3, 10), pageIds(query(100).afterId("m2").build()));
        assertEquals(ids(0, 7), pageIds(query(100).beforeId("m7").build()));
        assertEquals(ids(3, 7), pageIds(query(100).afterId("m2").beforeId("m7").build()));
        assertEquals(List.of(), pageIds(query(100).afterId("m5").beforeId("m6").build()));
        assertEquals(List.of(), pageIds(query(100).afterId("m6").beforeId("m2").build()));
        assertEquals(List.of(), pageIds(query(100).afterId("m9").build()));
    }

    /** {@code ids} selects exactly those messages, in archive order whatever the order asked. */
    @Test
    public void idsSelectExactlyThoseInArchiveOrder() {
        archiveInRoom(10);
        assertEquals(List.of("m1", "m4", "m8"), pageIds(query(100).ids(List.of("m8", "m1", "m4", "m1")).build()));
        assertEquals(List.of("m1"), pageIds(query(1).ids(List.of("m8", "m1", "m4")).build()));
        assertEquals(List.of("m8"), pageIds(query(1).ids(List.of("m8", "m1", "m4")).fromEnd().build()));
        assertEquals(List.of("m1", "m4"), pageIds(query(100).ids(List.of("m8", "m1", "m4")).nick("user1").build()));
        assertEquals(List.of("m4", "m8"), pageIds(query(100).ids(List.of("m8", "m1", "m4")).afterId("m1").build()));
    }

    /** A long {@code ids} list (hundreds, as a client may send) is answered like a short one. */
    @Test
    public void aLongIdsListIsAnsweredWhole() {
        archiveInRoom(700);
        List<String> wanted = new ArrayList<>();
        for (int i = 699; i >= 0; i--) {
            if (i % 7 != 0) {
                wanted.add("m" + i);
            }
        }
        List<String> expected = new ArrayList<>(wanted);
        Collections.reverse(expected);
        assertEquals(expected, pageIds(query(1000).ids(wanted).build()));
        ArchivePage last = page(query(10).ids(wanted).fromEnd().build());
        assertEquals(expected.subList(expected.size() - 10, expected.size()), ids(last.messages()));
        assertFalse(last.complete());
        List<String> withUnknown = new ArrayList<>(wanted);
        withUnknown.add("m700");
        assertEquals(Optional.empty(), store().queryArchive(ROOM, query(1000).ids(withUnknown).build()));
    }

    /** An id the room's archive does not hold, in any part of a query, leaves the query without a page. */
    @Test
    public void anUnknownIdLeavesTheQueryWithoutAPage() {
        archiveInRoom(5);
        apply(stored(plainRecord(OTHER_ROOM, "lobby")));
        store().apply(archiving(OTHER_ROOM, 10, 12));
        for (String unknown : List.of("nope", "m10", "M1", "")) {
            assertEquals(Optional.empty(), store().queryArchive(ROOM, query(10).afterId(unknown).build()));
            assertEquals(Optional.empty(), store().queryArchive(ROOM, query(10).beforeId(unknown).build()));
            assertEquals(Optional.empty(), store().queryArchive(ROOM, query(10).pageAfter(unknown).build()));
            assertEquals(Optional.empty(), store().queryArchive(ROOM, query(10).pageBefore(unknown).fromEnd().build()));
            assertEquals(Optional.empty(), store().queryArchive(ROOM, query(10).ids(List.of("m1", unknown)).build()));
        }
        // Known ids whose messages the filters exclude are not unknown.
        assertEquals(Optional.of(new ArchivePage(List.of(), true)),
                store().queryArchive(ROOM, query(10).ids(List.of("m1")).nick("user0").build()));
    }

    /** {@code max} 0 returns no message; the page is complete only if nothing matches. */
    @Test
    public void maxZeroReturnsNoMessage() {
        archiveInRoom(3);
        assertEquals(new ArchivePage(List.of(), false), page(query(0).build()));
        assertEquals(new ArchivePage(List.of(), false), page(query(0).fromEnd().build()));
        assertEquals(new ArchivePage(List.of(), true), page(query(0).nick("nobody").build()));
        assertEquals(new ArchivePage(List.of(), true), page(query(0).afterId("m2").build()));
    }

    /** The largest {@code max} returns everything, complete. */
    @Test
    public void theLargestMaxReturnsEverything() {
        archiveInRoom(5);
        assertEquals(new ArchivePage(page(query(5).build()).messages(), true), page(query(Integer.MAX_VALUE).build()));
        assertEquals(ids(0, 5), pageIds(query(Integer.MAX_VALUE).fromEnd().build()));
    }

    /** Without {@code fromEnd} the page is the first {@code max} matches; with it, the last, oldest first. */
    @Test
    public void fromEndTakesTheLastPage() {
        archiveInRoom(10);
        assertEquals(new ArchivePage(page(query(10).build()).messages().subList(0, 3), false), page(query(3).build()));
        assertEquals(ids(7, 10), pageIds(query(3).fromEnd().build()));
        assertEquals(List.of("m4", "m7"), pageIds(query(2).nick("user1").fromEnd().build()));
        assertEquals(ids(4, 6), pageIds(query(2).beforeId("m6").fromEnd().build()));
        assertEquals(ids(7, 10), page(ArchiveQuery.newest(3)).messages().stream().map(ArchivedMessage::id).toList());
    }

    /** {@code complete} says whether the page holds the last match in the direction of paging. */
    @Test
    public void completeSaysWhetherThePageReachesTheLastMatchInItsDirection() {
        archiveInRoom(10);
        assertFalse(page(query(9).build()).complete());
        assertTrue(page(query(10).build()).complete());
        assertTrue(page(query(11).build()).complete());
        assertFalse(page(query(9).fromEnd().build()).complete());
        assertTrue(page(query(10).fromEnd().build()).complete());
        assertTrue(page(query(3).pageAfter("m6").build()).complete());
        assertFalse(page(query(2).pageAfter("m6").build()).complete());
        assertTrue(page(query(3).pageBefore("m3").fromEnd().build()).complete());
        assertFalse(page(query(2).pageBefore("m3").fromEnd().build()).complete());
        // A filter counts: user2 sent m2, m5 and m8 only.
        assertTrue(page(query(3).nick("user2").build()).complete());
        assertFalse(page(query(2).nick("user2").build()).complete());
        assertTrue(page(query(2).nick("user2").pageAfter("m2").build()).complete());
    }

    /** {@code pageAfter} and {@code pageBefore} page next to a message, combining with the form's filters. */
    @Test
    public void pagesCombineWithTheFilters() {
        archiveInRoom(30);
        ArchiveQuery q = query(3).start(T0.plusSeconds(4)).end(T0.plusSeconds(25)).nick("user1").afterId("m5")
                .pageAfter("m10").build();
        assertEquals(new ArchivePage(page(query(100).ids(List.of("m13", "m16", "m19")).build()).messages(), false),
                page(q));
        ArchiveQuery back = query(2).start(T0.plusSeconds(4)).end(T0.plusSeconds(25)).nick("user1").beforeId("m22")
                .pageBefore("m16").fromEnd().build();
        assertEquals(List.of("m10", "m13"), pageIds(back));
        assertFalse(page(back).complete());
        ArchiveQuery both = query(10).pageAfter("m3").pageBefore("m8").build();
        assertEquals(ids(4, 8), pageIds(both));
        ArchiveQuery crossing = query(10).afterId("m10").pageAfter("m3").realJid("user1@example.net/device0").build();
        assertEquals(List.of("m16", "m22", "m28"), pageIds(crossing));
    }

    /** Paging forwards through 250 messages, ten at a time, yields each once, in order. */
    @Test
    public void pagingForwardsLosesAndRepeatsNothing() {
        archiveInRoom(250);
        List<String> seen = new ArrayList<>();
        ArchivePage page = page(query(10).build());
        seen.addAll(ids(page.messages()));
        int pages = 1;
        while (!page.complete()) {
            page = page(query(10).pageAfter(seen.get(seen.size() - 1)).build());
            seen.addAll(ids(page.messages()));
            pages++;
        }
        assertEquals(ids(0, 250), seen);
        assertEquals(25, pages);
    }

    /** Paging backwards from the end through 250 messages, seven at a time, yields each once. */
    @Test
    public void pagingBackwardsLosesAndRepeatsNothing() {
        archiveInRoom(250);
        List<String> seen = new ArrayList<>();
        ArchivePage page = page(query(7).fromEnd().build());
        seen.addAll(0, ids(page.messages()));
        while (!page.complete()) {
            page = page(query(7).pageBefore(seen.get(0)).fromEnd().build());
            assertFalse(page.messages().isEmpty(), "an incomplete page promises more");
            seen.addAll(0, ids(page.messages()));
        }
        assertEquals(ids(0, 250), seen);
    }

    /** The same id in two rooms names two messages; each room sees only its own. */
    @Test
    public void theSameIdInTwoRoomsIsTwoMessages() {
        apply(stored(plainRecord(ROOM, "council")), stored(plainRecord(OTHER_ROOM, "lobby")));
        ArchivedMessage here = archived(ROOM, "same", T0, "a", Optional.empty(), "here");
        ArchivedMessage there = archived(OTHER_ROOM, "same", T0.plusSeconds(1), "b", Optional.empty(), "there");
        apply(new DurableChange.MessageArchived(ROOM, here), new DurableChange.MessageArchived(OTHER_ROOM, there));
        assertEquals(List.of(here), page(query(10).ids(List.of("same")).build()).messages());
        assertEquals(Optional.of(new ArchivePage(List.of(there), true)),
                store().queryArchive(OTHER_ROOM, query(10).ids(List.of("same")).build()));
        apply(new DurableChange.RoomRemoved(OTHER_ROOM));
        assertEquals(List.of(here), page(query(10).build()).messages());
    }

    /** The archive's ends (its metadata) follow appends, trims and removal. */
    @Test
    public void theEndsOfTheArchiveFollowAppendsAndTrims() {
        apply(stored(plainRecord(ROOM, "council")));
        store().apply(archiving(ROOM, 0, 1));
        assertEquals(List.of("m0@" + T0, "m0@" + T0), ends(ROOM));
        store().apply(archiving(ROOM, 1, 6));
        assertEquals(List.of("m0@" + T0, "m5@" + T0.plusSeconds(5)), ends(ROOM));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.empty(), OptionalInt.of(2)));
        assertEquals(List.of("m4@" + T0.plusSeconds(4), "m5@" + T0.plusSeconds(5)), ends(ROOM));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.empty(), OptionalInt.of(0)));
        assertEquals(List.of(), ends(ROOM));
    }

    /** Trimming by age deletes only the oldest messages: those before the first one young enough stay. */
    @Test
    public void trimmingByAgeDeletesTheOldestPrefixOnly() {
        apply(stored(plainRecord(ROOM, "council")));
        store().apply(archiving(ROOM, 0, 10));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.of(T0.plusSeconds(4)), OptionalInt.empty()));
        assertEquals(ids(4, 10), allIds(ROOM));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.of(T0.plusSeconds(4)), OptionalInt.empty()));
        assertEquals(ids(4, 10), allIds(ROOM));
        // A clock that went back: an old-looking message after a young one stays, so the archive has no hole.
        apply(new DurableChange.MessageArchived(ROOM, archived(ROOM, "late", T0, "a", Optional.empty(), "late")));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.of(T0.plusSeconds(7)), OptionalInt.empty()));
        assertEquals(List.of("m7", "m8", "m9", "late"), allIds(ROOM));
        assertEquals(Optional.empty(), store().queryArchive(ROOM, query(10).afterId("m6").build()),
                "a trimmed id is unknown");
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.of(T0.plusSeconds(100)), OptionalInt.empty()));
        assertEquals(List.of(), allIds(ROOM));
    }

    /** Trimming by count keeps the newest messages; both limits together keep the fewer. */
    @Test
    public void trimmingByCountKeepsTheNewest() {
        apply(stored(plainRecord(ROOM, "council")), stored(plainRecord(OTHER_ROOM, "lobby")));
        store().apply(archiving(ROOM, 0, 10));
        store().apply(archiving(OTHER_ROOM, 0, 3));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.empty(), OptionalInt.of(20)));
        assertEquals(ids(0, 10), allIds(ROOM));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.empty(), OptionalInt.of(6)));
        assertEquals(ids(4, 10), allIds(ROOM));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.of(T0.plusSeconds(5)), OptionalInt.of(3)));
        assertEquals(ids(7, 10), allIds(ROOM));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.of(T0.plusSeconds(9)), OptionalInt.of(3)));
        assertEquals(List.of("m9"), allIds(ROOM));
        apply(new DurableChange.ArchiveTrimmed(ROOM, Optional.empty(), OptionalInt.of(0)));
        assertEquals(List.of(), allIds(ROOM));
        assertEquals(ids(0, 3), allIds(OTHER_ROOM), "another room's archive is untouched");
        apply(new DurableChange.ArchiveTrimmed(room("never-stored@muc.example.org"), Optional.of(T0),
                OptionalInt.of(0)));
    }
}
