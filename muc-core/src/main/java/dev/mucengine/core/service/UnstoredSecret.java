package dev.mucengine.core.service;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.store.DurableChange;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's secret (the key of XEP-0421 occupant ids) while the store may not hold it yet:
 * created by this service because the store had none, and not yet handed to a host that stores
 * it. It is handed over once ({@link #take}): partitions handling stanzas at once race for it, and
 * only one reports it. A host that could not store it hands it back ({@link #lost}); the same value
 * is then reported again, so that occupant ids survive a restart all the same.
 */
final class UnstoredSecret {

    /** The service's secret if the store had none and this service created it. */
    private final Optional<String> created;
    private final AtomicReference<Optional<String>> unstored;

    UnstoredSecret(Optional<String> created) {
        this.created = created;
        this.unstored = new AtomicReference<>(created);
    }

    /** The secret to report now, if it is still unreported; from now on no other call reports it. */
    Optional<String> take() {
        return unstored.getAndSet(Optional.empty());
    }

    /** After {@link #take}: puts {@code taken} back if {@code effects} did not report it after all. */
    void putBackUnlessReported(Optional<String> taken, Effects effects) {
        if (taken.isPresent()
                && effects.changes().stream().noneMatch(DurableChange.ServiceSecretCreated.class::isInstance)) {
            unstored.compareAndSet(Optional.empty(), taken);
        }
    }

    /**
     * A host could not store {@code lost}: if the secret's creation was among them, it is to be
     * reported again. Only a lost secret comes back: once stored, it never rides along again, so
     * a store outage costs a stanza that changes nothing durable nothing.
     */
    void lost(List<DurableChange> lost) {
        if (lost.stream().anyMatch(DurableChange.ServiceSecretCreated.class::isInstance)) {
            unstored.set(created);
        }
    }
}
