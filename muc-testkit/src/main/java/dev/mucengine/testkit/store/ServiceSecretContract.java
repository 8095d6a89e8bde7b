package dev.mucengine.testkit.store;

import static dev.mucengine.testkit.store.ContractFixtures.ROOM;
import static dev.mucengine.testkit.store.ContractFixtures.plainRecord;
import static dev.mucengine.testkit.store.ContractFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mucengine.core.store.DurableChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service secret of {@link RoomStoreContract}: the key of XEP-0421 occupant ids, which must
 * survive restarts for the ids to. Extend {@link RoomStoreContract}, which includes these tests;
 * this class only keeps each file of the suite readable.
 */
public abstract class ServiceSecretContract extends ArchiveContract {

    /** For subclasses. */
    protected ServiceSecretContract() {
    }

    /** A new store has no secret; one stored is read back, as it was, after a reopen too. */
    @Test
    public void theServiceSecretIsStoredAndSurvivesAReopen() {
        assertEquals(Optional.empty(), store().serviceSecret());
        String secret = "k3v9q0dl2hm8r4tc-Zz_é会";
        store().apply(List.of(new DurableChange.ServiceSecretCreated(secret)));
        assertEquals(Optional.of(secret), store().serviceSecret());
        reopenStore();
        assertEquals(Optional.of(secret), store().serviceSecret());
    }

    /** A secret stored again replaces the first (the engine reports the same one after a failed commit). */
    @Test
    public void aSecondSecretReplacesTheFirst() {
        store().apply(List.of(new DurableChange.ServiceSecretCreated("first")));
        store().apply(List.of(new DurableChange.ServiceSecretCreated("second"),
                new DurableChange.ServiceSecretCreated("second")));
        assertEquals(Optional.of("second"), store().serviceSecret());
    }

    /** The secret goes in one batch with room changes, in order, and touches none of them. */
    @Test
    public void theSecretTravelsWithRoomChanges() {
        store().apply(List.of(new DurableChange.ServiceSecretCreated("s"), stored(plainRecord(ROOM, "council"))));
        assertEquals(Optional.of("s"), store().serviceSecret());
        assertEquals(Optional.of(plainRecord(ROOM, "council")), store().load(ROOM));
        store().apply(List.of(new DurableChange.RoomRemoved(ROOM)));
        assertEquals(Optional.of("s"), store().serviceSecret());
    }
}
