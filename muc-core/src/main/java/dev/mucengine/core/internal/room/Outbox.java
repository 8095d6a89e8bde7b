package dev.mucengine.core.internal.room;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.DurableChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The effects of handling one stanza while they are collected: the stanzas to send, in order,
 * and the durable changes. Handlers append; nobody sends or stores.
 */
public final class Outbox {

    private final List<Stanza> stanzas = new ArrayList<>();
    private final List<DurableChange> changes = new ArrayList<>();

    public void send(Stanza stanza) {
        stanzas.add(stanza);
    }

    public void record(DurableChange change) {
        changes.add(change);
    }

    public List<Stanza> stanzas() {
        return stanzas;
    }

    /** Everything collected, as the immutable value a host receives. */
    public Effects effects() {
        return stanzas.isEmpty() && changes.isEmpty() ? Effects.NONE : new Effects(stanzas, changes);
    }
}
