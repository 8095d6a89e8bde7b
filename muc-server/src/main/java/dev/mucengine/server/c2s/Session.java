package dev.mucengine.server.c2s;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ChannelOutput;
import dev.mucengine.server.OutputItem;
import dev.mucengine.xml.SplicedBytes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * An authenticated client as the router sees it. What the client sends is handled on its
 * account's engine partition ({@code ConfinedEngine#submit(Jid, Runnable)}), so only that thread
 * changes a session; the partitions of the rooms it is in read its {@link #jid} and
 * {@link #available} (both volatile) and {@link #send} to it (the writer is thread-safe, and each
 * room's stanzas are sent by one thread, in the room's order).
 */
final class Session {

    private final EntityBareJid account;
    private final ChannelOutput writer;
    private final Runnable closer;
    private final Runnable onBound;
    private volatile @Nullable EntityFullJid jid;
    private volatile boolean available;
    private final DirectedPresence directedPresence = new DirectedPresence();

    /**
     * @param closer ends the connection after what is already queued
     * @param onBound runs once the session has bound its resource (on the engine thread)
     */
    Session(EntityBareJid account, ChannelOutput writer, Runnable closer, Runnable onBound) {
        this.account = account;
        this.writer = writer;
        this.closer = closer;
        this.onBound = onBound;
    }

    EntityBareJid account() {
        return account;
    }

    /** The bound full JID; empty until resource binding. */
    Optional<EntityFullJid> jid() {
        return Optional.ofNullable(jid);
    }

    void bind(EntityFullJid fullJid) {
        this.jid = fullJid;
        onBound.run();
    }

    /** Sent initial presence and not yet unavailable presence (RFC 6121 §4.2). */
    boolean available() {
        return available;
    }

    void available(boolean value) {
        available = value;
    }

    /** JIDs this resource sent available presence to directly (RFC 6121 §4.6); its account's partition only. */
    DirectedPresence directedPresence() {
        return directedPresence;
    }

    void send(Element element) {
        writer.send(element);
    }

    /** Sends a stanza serialized already in {@code jabber:client}. */
    void send(SplicedBytes stanza) {
        writer.send(OutputItem.spliced(stanza));
    }

    /** Ends the connection after what is already queued (a stream close follows). */
    void close() {
        closer.run();
    }
}
