package dev.mucengine.server.c2s;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.EngineInbox;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Which engine partition a client's stanza is handed to: its account's, where the account's
 * sessions and presence bookkeeping live (and from where the router forwards what is for a room
 * to the room's partition), or, for a message or iq to a room or occupant, the room's partition
 * at once. The direct way saves a hand-over between engine threads on the path every groupchat
 * message takes (about 0.15 ms of latency on two cores, docs/performance.md).
 *
 * <p><b>Order.</b> One sender's stanzas to one room must reach the room in the order sent. A
 * stanza goes straight to the room only while none of the connection's stanzas is still on its
 * way through the account's partition: each of those has been forwarded into its room's queue
 * by the time it is counted done, so what goes straight in afterwards queues behind it. Stanzas
 * sent straight to rooms keep their order in those rooms' queues, as everything the connection
 * hands over is handed over in order ({@code EngineInbox}).
 *
 * <p>Presence always takes the account's way: it feeds the directed-presence bookkeeping
 * (RFC 6121 §4.6). Stanzas to anything but a room or occupant of the engine's service (the
 * service itself, the user's own account, other servers) take it too.
 */
final class ClientStanzaRoute {

    private final DomainBareJid service;
    /** This connection's tasks handed to its account's partition and not yet done. */
    private final AtomicInteger atAccount = new AtomicInteger();

    ClientStanzaRoute(DomainBareJid service) {
        this.service = service;
    }

    /**
     * Hands the task for a client's stanza to the engine through the connection's {@code inbox}:
     * to the room's partition or to the account's. Loop thread only.
     *
     * @param session the client's session
     * @param element the stanza
     * @param handle what the partition does with it
     * @param finished runs after {@code handle}, or instead of it if the engine refuses the task
     */
    void submit(EngineInbox inbox, Session session, Element element, Runnable handle, Runnable finished) {
        // Until its resource is bound, everything a session sends is for the account's partition.
        EntityBareJid room = session.jid().isPresent() ? straightTo(element) : null;
        Jid address = room;
        Runnable done = finished;
        if (room == null) {
            address = session.account();
            atAccount.incrementAndGet();
            done = () -> {
                atAccount.decrementAndGet(); // after the task forwarded what it routed
                finished.run();
            };
        }
        Runnable last = done;
        inbox.submit(address, () -> {
            try {
                handle.run();
            } finally {
                last.run();
            }
        }, last);
    }

    /** The room {@code element} may go to directly, or null when it goes to the account's partition. */
    private @Nullable EntityBareJid straightTo(Element element) {
        if (atAccount.get() > 0) {
            return null;
        }
        String name = element.localName();
        if (!name.equals("message") && !name.equals("iq")) {
            return null;
        }
        String to = element.attribute("to").orElse(null);
        if (to == null) {
            return null;
        }
        Jid address;
        try {
            address = JidCreate.from(to);
        } catch (XmppStringprepException e) {
            return null; // refused where it is handled, on the account's partition
        }
        EntityBareJid room = address.asEntityBareJidIfPossible();
        return room != null && room.asDomainBareJid().equals(service) ? room : null;
    }
}
