package dev.mucengine.core.room;

import dev.mucengine.core.stanza.Stanza;
import java.util.ArrayList;
import java.util.List;

/**
 * The effects of handling one stanza: the stanzas to send, in order, and whether the room's
 * durable state changed (so the service knows to save it). Handlers append; nobody sends.
 */
public final class Outbox {

    private final List<Stanza> stanzas = new ArrayList<>();
    private boolean stateChanged;

    public void send(Stanza stanza) {
        stanzas.add(stanza);
    }

    /** Marks that configuration, affiliations or subject changed and must be persisted. */
    public void stateChanged() {
        stateChanged = true;
    }

    public boolean isStateChanged() {
        return stateChanged;
    }

    public List<Stanza> stanzas() {
        return stanzas;
    }
}
