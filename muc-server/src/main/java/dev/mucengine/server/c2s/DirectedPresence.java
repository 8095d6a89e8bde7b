package dev.mucengine.server.c2s;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The addresses one resource sent available presence to directly and not yet unavailable presence
 * (RFC 6121 §4.6): they are owed unavailable presence when it disconnects. A client in thousands of
 * rooms keeps an entry per room, one for every room of two on the server (issue 12: a kilobyte per
 * room), so each entry is the address's UTF-8 bytes alone (a {@code String} would add 24 bytes, a
 * parsed JID about three times its string), in an open-addressing table with linear probing (a
 * {@code LinkedHashSet} would add a 40-byte entry object). Nothing is allocated until the first
 * address. Not thread-safe: only the account's partition uses it.
 */
final class DirectedPresence {

    private static final int FIRST_CAPACITY = 4;

    /** Each address's bytes at its hash's slot or the next free one after; a power of two long. */
    private byte @Nullable [] @Nullable [] table;
    private int size;

    /** Remembers {@code to}; an address already remembered is kept once. */
    void add(Jid to) {
        byte[] address = bytes(to);
        byte[][] slots = table;
        if (slots == null) {
            slots = new byte[FIRST_CAPACITY][];
            table = slots;
        }
        int i = find(slots, address);
        if (slots[i] != null) {
            return;
        }
        slots[i] = address;
        size++;
        if (size * 4 > slots.length * 3) { // at most three quarters full, as HashMap, so probes stay short
            table = rehashed(slots, slots.length * 2);
        }
    }

    /** Forgets {@code to}, if it was remembered. */
    void remove(Jid to) {
        byte[][] slots = table;
        if (slots == null) {
            return;
        }
        int i = find(slots, bytes(to));
        if (slots[i] == null) {
            return;
        }
        slots[i] = null;
        size--;
        if (size == 0) {
            table = null;
            return;
        }
        closeGap(slots, i);
    }

    /** Every address remembered, each once, in no particular order; forgets them all. */
    List<Jid> drain() {
        byte[][] slots = table;
        List<Jid> all = new ArrayList<>(size);
        if (slots != null) {
            for (byte[] address : slots) {
                if (address != null) {
                    // it was a valid JID when stored
                    all.add(JidCreate.fromOrThrowUnchecked(new String(address, StandardCharsets.UTF_8)));
                }
            }
        }
        table = null;
        size = 0;
        return all;
    }

    private static byte[] bytes(Jid address) {
        return address.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int home(byte[][] slots, byte[] address) {
        int h = Arrays.hashCode(address);
        return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    /** The slot holding {@code address}, or the free slot where it belongs. */
    private static int find(byte[][] slots, byte[] address) {
        int i = home(slots, address);
        for (byte[] there = slots[i]; there != null && !Arrays.equals(there, address); there = slots[i]) {
            i = (i + 1) & (slots.length - 1);
        }
        return i;
    }

    private static byte[][] rehashed(byte[][] slots, int capacity) {
        byte[][] bigger = new byte[capacity][];
        for (byte[] address : slots) {
            if (address != null) {
                bigger[find(bigger, address)] = address;
            }
        }
        return bigger;
    }

    /**
     * After slot {@code gap} was emptied, moves back the entries after it that could no longer be
     * found past the gap (backward-shift deletion: no tombstones, so probes stay as short as at
     * insertion).
     */
    private static void closeGap(byte[][] slots, int gap) {
        int mask = slots.length - 1;
        for (int j = (gap + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            byte[] address = slots[j];
            int home = home(slots, address);
            boolean reachable = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!reachable) {
                slots[gap] = address;
                slots[j] = null;
                gap = j;
            }
        }
    }
}
