package dev.mucengine.core.internal.room;

import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room's occupants and their sessions (XEP-0045 §7.2.8: one user may be an occupant from
 * several clients). Lookups are O(1): sessions by real JID, occupants by nickname comparison key
 * (RFC 8266 §2.3). Sessions iterate in join order, which a nickname change does not disturb.
 */
final class OccupantTable {

    private final Map<EntityFullJid, Occupant> occupants = new LinkedHashMap<>();
    /**
     * By nickname comparison key, the sessions of the occupant in the order they entered:
     * nicknames equal under RFC 8266 §2.3 are one occupant's, and one user may be that occupant
     * from several clients (XEP-0045 §7.2.8).
     */
    private final Map<String, List<EntityFullJid>> nickIndex = new HashMap<>();
    private long joinSequence;

    Collection<Occupant> all() {
        return Collections.unmodifiableCollection(occupants.values());
    }

    int count() { // occupants, not sessions
        return nickIndex.size();
    }

    boolean isEmpty() {
        return occupants.isEmpty();
    }

    /** The occupant as others see it: its most available session ({@link SessionAvailability}). */
    Optional<Occupant> occupant(Resourcepart nick) {
        List<EntityFullJid> jids = nickIndex.get(Nicknames.comparisonKey(nick));
        if (jids == null) {
            return Optional.empty();
        }
        return Optional.of(SessionAvailability.shown(sessions(jids)));
    }

    List<Occupant> sessions(Resourcepart nick) {
        List<EntityFullJid> jids = nickIndex.get(Nicknames.comparisonKey(nick));
        return jids == null ? List.of() : sessions(jids);
    }

    private List<Occupant> sessions(List<EntityFullJid> jids) {
        List<Occupant> result = new ArrayList<>(jids.size());
        for (EntityFullJid j : jids) {
            result.add(occupants.get(j));
        }
        return result;
    }

    /** One entry per occupant, its shown session, in the order the occupants entered. */
    List<Occupant> shown() {
        List<Occupant> result = new ArrayList<>(nickIndex.size());
        for (Occupant session : occupants.values()) {
            List<EntityFullJid> jids = nickIndex.get(Nicknames.comparisonKey(session.nick()));
            if (jids.get(0).equals(session.realJid())) {
                result.add(SessionAvailability.shown(sessions(jids)));
            }
        }
        return result;
    }

    Optional<Occupant> byRealJid(Jid realJid) {
        return realJid instanceof EntityFullJid full ? Optional.ofNullable(occupants.get(full)) : Optional.empty();
    }

    /** Sessions whose real bare JID is this one (a user may be in the room from several clients). */
    List<Occupant> sessionsOf(Jid bareJid) {
        List<Occupant> result = new ArrayList<>();
        for (Occupant o : occupants.values()) {
            if (o.realJid().asBareJid().equals(bareJid.asBareJid())) {
                result.add(o);
            }
        }
        return result;
    }

    /**
     * Adds a session. A session under the nickname of an occupant joins that occupant (the
     * caller checked it is the same user's): it takes the occupant's nickname as first prepared,
     * its role and its join sequence. Any other is a new occupant at the end of the join order.
     */
    Occupant add(Occupant occupant) {
        String key = Nicknames.comparisonKey(occupant.nick());
        List<EntityFullJid> jids = nickIndex.get(key);
        Occupant numbered;
        if (jids == null) {
            numbered = new Occupant(occupant.nick(), occupant.realJid(), occupant.role(), occupant.presence(),
                    ++joinSequence);
            jids = new ArrayList<>(1);
            nickIndex.put(key, jids);
        } else {
            Occupant first = occupants.get(jids.get(0));
            numbered = new Occupant(first.nick(), occupant.realJid(), first.role(), occupant.presence(),
                    first.joinSequence());
        }
        occupants.put(numbered.realJid(), numbered);
        jids.add(numbered.realJid());
        return numbered;
    }

    /** Replaces one session's presence, keeping its place. */
    void update(Occupant updated) {
        Occupant old = occupants.get(updated.realJid());
        if (old == null) {
            throw new IllegalStateException("not an occupant: " + updated.realJid());
        }
        if (!old.nick().equals(updated.nick()) || old.role() != updated.role()) {
            throw new IllegalStateException("nick and role belong to the occupant: use rename or setRole");
        }
        occupants.put(updated.realJid(), updated);
    }

    /** Gives every session of {@code occupant} the role; returns the occupant as shown. */
    Occupant setRole(Occupant occupant, Role role) {
        for (Occupant s : sessions(occupant.nick())) {
            occupants.put(s.realJid(), s.withRole(role));
        }
        return occupant(occupant.nick()).orElseThrow();
    }

    /** Renames every session of {@code occupant}; returns the occupant as shown. */
    Occupant rename(Occupant occupant, Resourcepart newNick) {
        List<EntityFullJid> jids = nickIndex.remove(Nicknames.comparisonKey(occupant.nick()));
        if (jids == null) {
            throw new IllegalStateException("not an occupant: " + occupant.nick());
        }
        for (EntityFullJid j : jids) {
            occupants.put(j, occupants.get(j).withNick(newNick));
        }
        nickIndex.put(Nicknames.comparisonKey(newNick), jids);
        return occupant(newNick).orElseThrow();
    }

    /** Removes one session; the occupant goes with its last session. */
    void removeSession(Occupant session) {
        occupants.remove(session.realJid());
        String key = Nicknames.comparisonKey(session.nick());
        List<EntityFullJid> jids = nickIndex.get(key);
        if (jids != null) {
            jids.remove(session.realJid());
            if (jids.isEmpty()) {
                nickIndex.remove(key);
            }
        }
    }

    /** Removes the occupant with every session; returns the sessions removed, in join order. */
    List<Occupant> remove(Occupant occupant) {
        List<Occupant> removed = sessions(occupant.nick());
        for (Occupant s : removed) {
            removeSession(s);
        }
        return removed;
    }
}
