package dev.mucengine.core.internal.message;

import dev.mucengine.core.internal.room.MemoryOnlyState;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.store.RoomStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * The invitations a room sent and nobody declined yet, the newest {@value #CAPACITY} at most (one
 * room's state, not durable). A decline is relayed only for one of them, to the inviter it names,
 * and uses it up: the room cannot be made to send declines for invitations it never sent, nor
 * to anyone but an inviter. While it holds one, the room stays loaded: a room loaded from its record
 * starts with none.
 */
final class PendingInvitations implements MemoryOnlyState {

    /** How many invitations a room remembers; an older one can no longer be declined through it. */
    static final int CAPACITY = 256;

    /** One invitation: who invited ({@code inviter}, real JID) and the address the invitee was shown. */
    private record Invitation(Jid invitee, Jid inviter, Jid shownAs) {
    }

    private final Map<List<Jid>, Invitation> byInviteeAndInviter = new LinkedHashMap<>();

    /** Notes an invitation; the same invitee invited again by the same inviter counts once, as the newest. */
    void record(Jid invitee, Jid inviter, Jid shownAs) {
        List<Jid> key = List.of(invitee.asBareJid(), inviter);
        byInviteeAndInviter.remove(key);
        byInviteeAndInviter.put(key, new Invitation(invitee.asBareJid(), inviter, shownAs));
        if (byInviteeAndInviter.size() > CAPACITY) {
            Iterator<List<Jid>> oldest = byInviteeAndInviter.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * Uses up the invitation {@code decliner} declines and returns whom to tell: the one from
     * the inviter {@code to} names (by real JID, full or bare, or by the address the invitation
     * showed), or the newest if the decline names nobody.
     *
     * @return the inviter's real JID; empty if {@code decliner} holds no such invitation
     */
    Optional<Jid> take(Jid decliner, Optional<Jid> to) {
        Jid invitee = decliner.asBareJid();
        List<Map.Entry<List<Jid>, Invitation>> candidates = new ArrayList<>();
        for (Map.Entry<List<Jid>, Invitation> e : byInviteeAndInviter.entrySet()) {
            Invitation i = e.getValue();
            if (i.invitee().equals(invitee) && (to.isEmpty() || names(to.get(), i))) {
                candidates.add(e);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<List<Jid>, Invitation> chosen = candidates.get(candidates.size() - 1);
        byInviteeAndInviter.remove(chosen.getKey());
        return Optional.of(chosen.getValue().inviter());
    }

    @Override
    public boolean rebuiltOnLoad(RoomView room, RoomStore store, Limits limits) {
        return byInviteeAndInviter.isEmpty();
    }

    private static boolean names(Jid to, Invitation i) {
        return to.equals(i.inviter()) || to.equals(i.inviter().asBareJid()) || to.equals(i.shownAs());
    }
}
