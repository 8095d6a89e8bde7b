package dev.mucengine.core.internal.room;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * Discussion history (XEP-0045 §7.2.15): the last N groupchat messages, each with the instant the
 * room received it. Appending is O(1); the oldest entry falls off when full.
 */
public final class History {

    /** One stored message, as broadcast (from the sender's occupant JID), and when it was sent. */
    public record Entry(Message message, Instant at) {

        /**
         * The message's size for maxchars: the length of its XML rendering. Computed only when a
         * client asks for maxchars, so storing a message costs nothing extra.
         */
        public int length() {
            return message.element().toString().length();
        }
    }

    /**
     * What the entering user asked for ({@code <history/>} attributes); absent limits mean
     * "as much as the room keeps".
     */
    public record Request(OptionalInt maxChars, OptionalInt maxStanzas, OptionalInt seconds, Optional<Instant> since) {
        public static Request everything() {
            return new Request(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
        }
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    History(int capacity) {
        this.capacity = capacity;
    }

    public void append(Message broadcast, Instant at) {
        if (capacity <= 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(broadcast, at));
    }

    public int size() {
        return entries.size();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The entries a request selects, oldest first: the newest entries that satisfy every limit
     * together (XEP-0045 §7.2.15: the limits combine).
     */
    public List<Entry> select(Request request, Instant now) {
        int maxStanzas = request.maxStanzas().orElse(Integer.MAX_VALUE);
        int maxChars = request.maxChars().orElse(Integer.MAX_VALUE);
        Instant notBefore = Instant.MIN;
        if (request.seconds().isPresent()) {
            notBefore = now.minusSeconds(request.seconds().getAsInt());
        }
        if (request.since().isPresent() && request.since().get().isAfter(notBefore)) {
            notBefore = request.since().get();
        }
        List<Entry> picked = new ArrayList<>();
        int chars = 0;
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext() && picked.size() < maxStanzas) {
            Entry e = newestFirst.next();
            if (e.at().isBefore(notBefore)) {
                break;
            }
            if (request.maxChars().isPresent()) {
                int length = e.length();
                if (chars + length > maxChars) {
                    break;
                }
                chars += length;
            }
            picked.add(e);
        }
        List<Entry> oldestFirst = new ArrayList<>(picked.size());
        for (int i = picked.size() - 1; i >= 0; i--) {
            oldestFirst.add(picked.get(i));
        }
        return oldestFirst;
    }

    /** The stored message addressed to {@code recipient}, stamped with a XEP-0203 delay from the room. */
    public static Message delivery(Entry entry, EntityBareJid room, Jid recipient) {
        Element delay = Element.builder(MucNamespaces.DELAY, "delay")
                .attribute("from", room.toString())
                .attribute("stamp", entry.at().toString())
                .build();
        Message m = entry.message().withTo(recipient);
        List<Node> children = new ArrayList<>(m.element().children());
        children.add(delay);
        return m.withChildren(children);
    }
}
