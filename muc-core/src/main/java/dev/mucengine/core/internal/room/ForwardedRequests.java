package dev.mucengine.core.internal.room;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The iq requests between occupants that a room forwarded to an occupant's account rather than to
 * its client (vCard requests, XEP-0045 §17.4), waiting for the account's server to answer.
 *
 * <p>A request to a client keeps its id and comes back from the client's full JID, which the room
 * maps to an occupant; an answer from an account comes from a bare JID, which no occupant has. So
 * the room forwards such a request under an id of its own and remembers whom to answer: the
 * answer (result or error) goes to the requester, from the occupant JID it asked, with its own id.
 *
 * <p>Bounded: at most {@link #CAPACITY} per room, each for at most {@link #TIMEOUT}. A request
 * past its time is answered with remote-server-timeout (RFC 6120 §8.3.3.17) with the room's next
 * input (the engine has no timer: time comes with inputs); a request beyond the capacity is
 * refused at once with resource-constraint (§8.3.3.18); when the room goes away (destroyed, or
 * its last occupant left), every waiting request is answered with item-not-found. So the
 * requester always gets exactly one answer. A requester that left the room in the meantime
 * still gets its answer: it asked while an occupant.
 */
final class ForwardedRequests {

    /** Requests one room waits on at once. */
    static final int CAPACITY = 64;
    /** How long the room waits for an account's answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One forwarded request: whom to answer, as whom, with which id. */
    private record Pending(EntityFullJid requester, String requestId, Resourcepart targetNick, BareJid account,
            Instant forwarded) {
    }

    /** By the id the room forwarded under; insertion order is forwarding order, oldest first. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /**
     * Forwards {@code request} (from {@code requester}, whose occupant JID is {@code from}) to the
     * account {@code account} of the occupant {@code targetNick}, under {@code forwardId}.
     */
    void forward(Room room, Iq request, EntityFullJid requester, EntityFullJid from, Resourcepart targetNick,
            BareJid account, String forwardId, Instant now, Outbox out) {
        expire(room, now, out);
        if (pending.size() >= CAPACITY) {
            out.send(request.errorReply(StanzaError.of(Condition.RESOURCE_CONSTRAINT)
                    .withText("Too many requests waiting in this room; try again later")));
            return;
        }
        pending.put(forwardId, new Pending(requester, request.id().orElseThrow(), targetNick, account, now));
        out.send(request.withId(forwardId).withAddresses(from, account));
    }

    /**
     * Answers the requester if {@code answer} (a result or error from {@code from}) is the answer
     * to a request this room forwarded.
     *
     * @return whether it was
     */
    boolean answer(Room room, Iq answer, Jid from, Instant now, Outbox out) {
        Optional<String> id = answer.id();
        Pending p = id.isEmpty() ? null : pending.get(id.get());
        // Only the account asked may answer: anyone may address the requester's occupant JID.
        boolean ours = p != null && p.account().equals(from);
        if (ours) {
            pending.remove(id.get());
            out.send(answer.withId(p.requestId()).withAddresses(room.occupantJid(p.targetNick()), p.requester()));
        }
        expire(room, now, out);
        return ours;
    }

    int size() {
        return pending.size();
    }

    /** Answers, with remote-server-timeout, every request that waited past {@link #TIMEOUT}. */
    void expire(Room room, Instant now, Outbox out) {
        Instant deadline = now.minus(TIMEOUT);
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.forwarded().isAfter(deadline)) {
                return; // the rest were forwarded later still
            }
            it.remove();
            refuse(room, p, StanzaError.of(Condition.REMOTE_SERVER_TIMEOUT)
                    .withText("The occupant's server did not answer"), out);
        }
    }

    /**
     * The room is gone (destroyed, or its last occupant left): every requester still waiting is
     * answered with item-not-found, as the occupant it asked no longer exists.
     */
    void abandon(Room room, Outbox out) {
        pending.values().forEach(p -> refuse(room, p, StanzaError.of(Condition.ITEM_NOT_FOUND)
                .withText("The room closed before the occupant's server answered"), out));
        pending.clear();
    }

    private static void refuse(Room room, Pending p, StanzaError error, Outbox out) {
        out.send(Iq.builder(IqType.ERROR).from(room.occupantJid(p.targetNick()))
                .to(p.requester()).id(p.requestId())
                .child(error.toElement(Stanza.CLIENT_NAMESPACE))
                .build());
    }
}
