package dev.mucengine.core.api;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.DurableChange;
import java.util.List;

/**
 * Everything handling one input caused, as values: the durable changes to store and the stanzas
 * to send. The engine itself stores and sends nothing.
 *
 * <p>A host applies {@link #changes()} (in order) before it releases any of {@link #stanzas()}
 * (in order): a stanza may tell someone about a change (a ban, a new owner, a subject), and must
 * not reach them if the change could still be lost. A host that batches changes (group commit)
 * holds the stanzas of every input in the batch until the batch is durable.
 *
 * @param stanzas the stanzas to send, in delivery order
 * @param changes the durable changes, in the order they happened; empty for most inputs
 */
public record Effects(List<Stanza> stanzas, List<DurableChange> changes) {

    /** Nothing to send, nothing changed. */
    public static final Effects NONE = new Effects(List.of(), List.of());

    /**
     * Copies both lists.
     *
     * @param stanzas the stanzas to send, in delivery order
     * @param changes the durable changes, in the order they happened
     * @throws NullPointerException if a list or an element of one is null
     */
    public Effects {
        stanzas = List.copyOf(stanzas);
        changes = List.copyOf(changes);
    }
}
