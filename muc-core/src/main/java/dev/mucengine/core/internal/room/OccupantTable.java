package dev.mucengine.core.internal.room;

import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room's occupants and their sessions (XEP-0045 §7.2.8: one user may be an occupant from
 * several clients), in join order, which a nickname change does not disturb. Nicknames compare by
 * their RFC 8266 §2.3 comparison key.
 *
 * <p>Sized for the many small rooms of a service: the sessions are an array, scanned while there
 * are few, so a room of two costs two array slots and no maps (issue 12: a kilobyte per room).
 * Past {@link #SCANNED} sessions, lookups by real JID and by nickname go through hash indexes,
 * built then and kept in step, so they stay O(1) in a large room.
 */
final class OccupantTable {

    /** Up to this many sessions, lookups scan; beyond, they use the indexes. */
    static final int SCANNED = 8;
    private static final Occupant[] NO_SESSIONS = {};
    private static final String[] NO_KEYS = {};

    /** The sessions in join order; {@code keys[i]} is the comparison key of {@code sessions[i]}'s nickname. */
    private Occupant[] sessions = NO_SESSIONS;
    private String[] keys = NO_KEYS;
    private int size;
    /** Occupants, not sessions: distinct keys. */
    private int occupantCount;
    private long joinSequence;
    /** Built past {@link #SCANNED} sessions, dropped when the room is small again. */
    private @Nullable Indexes indexes;

    /** The large room's lookups: sessions by real JID, and each key's real JIDs in entry order. */
    private record Indexes(Map<EntityFullJid, Occupant> byJid, Map<String, List<EntityFullJid>> byKey) {
    }

    /** A read-only view, in join order; it follows later changes. */
    Collection<Occupant> all() {
        return new AbstractList<>() {
            @Override
            public Occupant get(int index) {
                return sessions[index];
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    int count() {
        return occupantCount;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The occupant as others see it: its most available session ({@link SessionAvailability}). */
    Optional<Occupant> occupant(Resourcepart nick) {
        List<Occupant> found = sessions(nick);
        return found.isEmpty() ? Optional.empty() : Optional.of(SessionAvailability.shown(found));
    }

    /** The sessions under this nickname, in the order they entered. */
    List<Occupant> sessions(Resourcepart nick) {
        return sessionsByKey(Nicknames.comparisonKey(nick));
    }

    private List<Occupant> sessionsByKey(String key) {
        if (indexes != null) {
            List<EntityFullJid> jids = indexes.byKey().get(key);
            if (jids == null) {
                return List.of();
            }
            List<Occupant> result = new ArrayList<>(jids.size());
            for (EntityFullJid j : jids) {
                result.add(indexes.byJid().get(j));
            }
            return result;
        }
        List<Occupant> result = List.of();
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                if (result.isEmpty()) {
                    result = new ArrayList<>(1);
                }
                result.add(sessions[i]);
            }
        }
        return result;
    }

    /** One entry per occupant, its shown session, in the order the occupants entered. */
    List<Occupant> shown() {
        List<Occupant> result = new ArrayList<>(occupantCount);
        for (int i = 0; i < size; i++) {
            if (firstOfKey(i)) {
                result.add(SessionAvailability.shown(sessionsByKey(keys[i])));
            }
        }
        return result;
    }

    /** Whether session {@code i} is the first to have entered under its nickname. */
    private boolean firstOfKey(int i) {
        if (indexes != null) {
            return indexes.byKey().get(keys[i]).get(0).equals(sessions[i].realJid());
        }
        for (int j = 0; j < i; j++) {
            if (keys[j].equals(keys[i])) {
                return false;
            }
        }
        return true;
    }

    Optional<Occupant> byRealJid(Jid realJid) {
        if (!(realJid instanceof EntityFullJid full)) {
            return Optional.empty();
        }
        if (indexes != null) {
            return Optional.ofNullable(indexes.byJid().get(full));
        }
        int i = position(full);
        return i < 0 ? Optional.empty() : Optional.of(sessions[i]);
    }

    /** Sessions whose real bare JID is this one (a user may be in the room from several clients). */
    List<Occupant> sessionsOf(Jid bareJid) {
        List<Occupant> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (sessions[i].realJid().asBareJid().equals(bareJid.asBareJid())) {
                result.add(sessions[i]);
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
        String key = keyOf(occupant.nick());
        List<Occupant> same = sessionsByKey(key);
        Occupant numbered;
        if (same.isEmpty()) {
            numbered = new Occupant(occupant.nick(), occupant.realJid(), occupant.role(), occupant.presence(),
                    ++joinSequence);
            occupantCount++;
        } else {
            Occupant first = same.get(0);
            numbered = new Occupant(first.nick(), occupant.realJid(), first.role(), occupant.presence(),
                    first.joinSequence());
        }
        if (size == sessions.length) {
            int grown = Math.max(2, size + (size >> 1));
            sessions = Arrays.copyOf(sessions, grown);
            keys = Arrays.copyOf(keys, grown);
        }
        sessions[size] = numbered;
        keys[size] = key;
        size++;
        if (indexes != null) {
            indexes.byJid().put(numbered.realJid(), numbered);
            indexes.byKey().computeIfAbsent(key, k -> new ArrayList<>(1)).add(numbered.realJid());
        } else if (size > SCANNED) {
            indexes = index();
        }
        return numbered;
    }

    /** Replaces one session's presence, keeping its place. */
    void update(Occupant updated) {
        int i = position(updated.realJid());
        if (i < 0) {
            throw new IllegalStateException("not an occupant: " + updated.realJid());
        }
        Occupant old = sessions[i];
        if (!old.nick().equals(updated.nick()) || old.role() != updated.role()) {
            throw new IllegalStateException("nick and role belong to the occupant: use rename or setRole");
        }
        replace(i, updated, keys[i]);
    }

    /** Gives every session of {@code occupant} the role; returns the occupant as shown. */
    Occupant setRole(Occupant occupant, Role role) {
        String key = Nicknames.comparisonKey(occupant.nick());
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                replace(i, sessions[i].withRole(role), key);
            }
        }
        return occupant(occupant.nick()).orElseThrow();
    }

    /** Renames every session of {@code occupant}; returns the occupant as shown. */
    Occupant rename(Occupant occupant, Resourcepart newNick) {
        String oldKey = Nicknames.comparisonKey(occupant.nick());
        String newKey = keyOf(newNick);
        boolean found = false;
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(oldKey)) {
                replace(i, sessions[i].withNick(newNick), newKey);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("not an occupant: " + occupant.nick());
        }
        if (indexes != null) {
            indexes.byKey().put(newKey, indexes.byKey().remove(oldKey));
        }
        return occupant(newNick).orElseThrow();
    }

    /** Removes one session; the occupant goes with its last session. */
    void removeSession(Occupant session) {
        int i = position(session.realJid());
        if (i < 0) {
            return;
        }
        String key = keys[i];
        System.arraycopy(sessions, i + 1, sessions, i, size - i - 1);
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        size--;
        sessions[size] = null;
        keys[size] = null;
        if (indexes != null) {
            indexes.byJid().remove(session.realJid());
            List<EntityFullJid> jids = indexes.byKey().get(key);
            jids.remove(session.realJid());
            if (jids.isEmpty()) {
                indexes.byKey().remove(key);
            }
            if (size <= SCANNED / 2) {
                indexes = null;
            }
        }
        if (sessionsByKey(key).isEmpty()) {
            occupantCount--;
        }
        if (size == 0) {
            sessions = NO_SESSIONS; // an empty room holds no array
            keys = NO_KEYS;
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

    private int position(EntityFullJid realJid) {
        for (int i = 0; i < size; i++) {
            if (sessions[i].realJid().equals(realJid)) {
                return i;
            }
        }
        return -1;
    }

    private void replace(int i, Occupant session, String key) {
        sessions[i] = session;
        keys[i] = key;
        if (indexes != null) {
            indexes.byJid().put(session.realJid(), session);
        }
    }

    private Indexes index() {
        Indexes built = new Indexes(new HashMap<>(), new HashMap<>());
        for (int i = 0; i < size; i++) {
            built.byJid().put(sessions[i].realJid(), sessions[i]);
            built.byKey().computeIfAbsent(keys[i], k -> new ArrayList<>(1)).add(sessions[i].realJid());
        }
        return built;
    }

    /** The nickname's comparison key; the nickname's own string when they are equal, as they mostly are. */
    private static String keyOf(Resourcepart nick) {
        String key = Nicknames.comparisonKey(nick);
        String own = nick.toString();
        return key.equals(own) ? own : key;
    }
}
