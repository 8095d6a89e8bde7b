package dev.mucengine.core.internal.room;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.room.AffiliationEntry;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room's affiliations by bare JID (or domain JID, XEP-0045 §9.1), in the order they were set,
 * and the nicknames they reserve, by comparison key (RFC 8266 §2.3: a reservation holds for every
 * form of the nickname).
 *
 * <p>Sized for the usual room, with an owner and few others: the entries are an array, scanned
 * while there are at most {@link #SCANNED}, with a hash index beyond so that a lookup stays O(1);
 * the reservations are a map made with the first one.
 */
final class AffiliationTable {

    /** Up to this many entries, lookups scan; beyond, they use the index. */
    static final int SCANNED = 8;
    private static final AffiliationEntry[] NO_ENTRIES = {};

    private AffiliationEntry[] entries = NO_ENTRIES;
    private int size;
    private @Nullable Map<Jid, AffiliationEntry> index;
    private @Nullable Map<String, Jid> reservedNicks;

    /** The entry of exactly this bare (or domain) JID. */
    @Nullable AffiliationEntry get(Jid key) {
        if (index != null) {
            return index.get(key);
        }
        int i = position(key);
        return i < 0 ? null : entries[i];
    }

    /** A read-only view, in the order the entries were set; it follows later changes. */
    List<AffiliationEntry> all() {
        return new AbstractList<>() {
            @Override
            public AffiliationEntry get(int i) {
                return entries[i];
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * Sets the entry of its bare JID, last in order, with its reserved nickname; an entry of
     * {@link Affiliation#NONE} removes the JID's entry and reservation instead.
     */
    void put(AffiliationEntry entry) {
        Jid key = entry.jid().asBareJid();
        // Restoring a room of many members sets each once: the index spares a scan per entry.
        int i = index != null && !index.containsKey(key) ? -1 : position(key);
        if (i >= 0) {
            AffiliationEntry old = entries[i];
            System.arraycopy(entries, i + 1, entries, i, size - i - 1);
            entries[--size] = null;
            if (index != null) {
                index.remove(key);
            }
            if (old.reservedNick().isPresent() && reservedNicks != null) {
                reservedNicks.remove(Nicknames.comparisonKey(old.reservedNick().get()));
            }
        }
        if (entry.affiliation() == Affiliation.NONE) {
            return;
        }
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, Math.max(2, size + (size >> 1)));
        }
        entries[size++] = entry;
        if (index != null) {
            index.put(key, entry);
        } else if (size > SCANNED) {
            index = new HashMap<>();
            for (int j = 0; j < size; j++) {
                index.put(entries[j].jid().asBareJid(), entries[j]);
            }
        }
        if (entry.reservedNick().isPresent()) {
            if (reservedNicks == null) {
                reservedNicks = new HashMap<>(2);
            }
            reservedNicks.put(Nicknames.comparisonKey(entry.reservedNick().get()), key);
        }
    }

    /** Who reserved this nickname, or any form of it. */
    @Nullable Jid reservedBy(Resourcepart nick) {
        return reservedNicks == null ? null : reservedNicks.get(Nicknames.comparisonKey(nick));
    }

    private int position(Jid key) {
        for (int i = 0; i < size; i++) {
            if (entries[i].jid().asBareJid().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
