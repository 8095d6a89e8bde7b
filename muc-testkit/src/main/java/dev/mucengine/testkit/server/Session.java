package dev.mucengine.testkit.server;

import dev.mucengine.core.stanza.Stanza;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/** One connected client: its queue of received stanzas and the presence state its server keeps. */
public final class Session {

    private final String client;
    private final EntityFullJid jid;
    private final Deque<Stanza> queue = new ArrayDeque<>();
    // Targets of directed available presence not yet made unavailable, in order sent.
    private final Set<Jid> directedPresence = new LinkedHashSet<>();
    private boolean available;

    Session(String client, EntityFullJid jid) {
        this.client = client;
        this.jid = jid;
    }

    public String client() {
        return client;
    }

    public EntityFullJid jid() {
        return jid;
    }

    /** The stanzas delivered and not yet read by a {@code receives} step, oldest first. */
    public Deque<Stanza> queue() {
        return queue;
    }

    /** True once the client has sent initial presence (and not since gone unavailable). */
    public boolean available() {
        return available;
    }

    void available(boolean value) {
        available = value;
    }

    Set<Jid> directedPresence() {
        return directedPresence;
    }
}
