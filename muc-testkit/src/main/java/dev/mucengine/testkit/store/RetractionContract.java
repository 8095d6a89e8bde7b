package dev.mucengine.testkit.store;

import static dev.mucengine.testkit.store.ContractFixtures.OTHER_ROOM;
import static dev.mucengine.testkit.store.ContractFixtures.ROOM;
import static dev.mucengine.testkit.store.ContractFixtures.archived;
import static dev.mucengine.testkit.store.ContractFixtures.archiving;
import static dev.mucengine.testkit.store.ContractFixtures.plainRecord;
import static dev.mucengine.testkit.store.ContractFixtures.query;
import static dev.mucengine.testkit.store.ContractFixtures.room;
import static dev.mucengine.testkit.store.ContractFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retractions in the archive (XEP-0424, XEP-0425): a tombstone replaces the message in place.
 * Part of {@link RoomStoreContract}; extend that class, not this one.
 */
public abstract class RetractionContract extends StoreLifecycle {

    /** For subclasses. */
    protected RetractionContract() {
    }

    private static ArchivedMessage tombstoneOf(ArchivedMessage m) {
        return new ArchivedMessage(m.id(), m.at(), m.nick(), m.realJid(), m.message().withChildren(List.of(
                m.message().element().elements().get(1),
                Element.builder("urn:xmpp:message-retract:1", "retracted").attribute("stamp", "2026-01-01T00:00:00Z")
                        .build())));
    }

    private List<ArchivedMessage> all() {
        return store().queryArchive(ROOM, query(100).build()).orElseThrow().messages();
    }

    /**
     * The tombstone takes the message's place: same id, time, nickname, real JID and position;
     * the text is gone, also after the store is opened again; other messages are untouched.
     */
    @Test
    public void aRetractedMessageIsReplacedByItsTombstoneInPlace() {
        apply(stored(plainRecord(ROOM, "council")));
        store().apply(archiving(ROOM, 0, 3));
        ArchivedMessage tombstone = tombstoneOf(archived(ROOM, 1));

        apply(new DurableChange.MessageRetracted(ROOM, "m1", tombstone.message()));

        assertEquals(List.of(archived(ROOM, 0), tombstone, archived(ROOM, 2)), all());
        reopenStore();
        assertEquals(List.of(archived(ROOM, 0), tombstone, archived(ROOM, 2)), all());
    }

    /** In one batch with the message it retracts, as a host's group commit may apply them. */
    @Test
    public void aMessageArchivedAndRetractedInOneBatchIsATombstone() {
        apply(stored(plainRecord(ROOM, "council")));
        ArchivedMessage tombstone = tombstoneOf(archived(ROOM, 0));

        apply(new DurableChange.MessageArchived(ROOM, archived(ROOM, 0)),
                new DurableChange.MessageRetracted(ROOM, "m0", tombstone.message()));

        assertEquals(List.of(tombstone), all());
    }

    /** An id the archive does not hold (trimmed, another room's, unknown) changes nothing. */
    @Test
    public void aRetractionOfAnUnknownIdChangesNothing() {
        apply(stored(plainRecord(ROOM, "council")), stored(plainRecord(OTHER_ROOM, "lobby")));
        store().apply(archiving(ROOM, 0, 2));
        store().apply(archiving(OTHER_ROOM, 2, 3));
        ArchivedMessage tombstone = tombstoneOf(archived(ROOM, 2));

        apply(new DurableChange.MessageRetracted(ROOM, "m2", tombstone.message()),
                new DurableChange.MessageRetracted(ROOM, "nope", tombstone.message()),
                new DurableChange.MessageRetracted(room("never-stored@muc.example.org"), "m0", tombstone.message()));

        assertEquals(List.of(archived(ROOM, 0), archived(ROOM, 1)), all());
        assertEquals(List.of(archived(OTHER_ROOM, 2)),
                store().queryArchive(OTHER_ROOM, query(10).build()).orElseThrow().messages());
    }
}
