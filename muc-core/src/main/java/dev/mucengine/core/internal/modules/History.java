package dev.mucengine.core.internal.modules;

import dev.mucengine.core.internal.archive.ArchiveModule;
import dev.mucengine.core.internal.room.MemoryOnlyState;
import dev.mucengine.core.muc.HistoryRequest;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Node;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * One room's discussion history (XEP-0045 §7.2.13): the last N groupchat messages, each with the
 * instant the room received it. Appending is O(1); the oldest entry falls off when full.
 *
 * <p>Kept in memory only: a room loaded from its record starts it from its archive
 * ({@link #fromArchive}), so an empty room may be unloaded only while that gives this history back.
 */
final class History implements MemoryOnlyState {

    /**
     * One stored message, as broadcast (from the sender's occupant JID), and when it was sent, to
     * the millisecond as the archive keeps it ({@link ArchivedMessage#at()}): a host's clock may
     * read finer, and the delay stamps a joiner gets must not depend on whether the history was
     * kept live or read back from the archive.
     */
    record Entry(Message message, Instant at) {
        Entry {
            at = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    private final int capacity;
    /** Never changed: the entries of every history until its first message (an empty ArrayDeque takes 88 bytes). */
    private static final Deque<Entry> EMPTY = new ArrayDeque<>(0);

    private Deque<Entry> entries = EMPTY;

    History(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The history a room starts with: the archive's newest messages with a body, as many as
     * {@code capacity}.
     *
     * @param archive reads the room's archive
     * @throws StoreUnavailableException if the archive cannot be read
     */
    static History fromArchive(int capacity, Function<ArchiveQuery, Optional<ArchivePage>> archive) {
        History history = new History(capacity);
        if (capacity > 0) {
            archive.apply(ArchiveQuery.newest(capacity)).ifPresent(page -> {
                for (ArchivedMessage m : page.messages()) {
                    if (m.message().body().isPresent()) {
                        history.append(m.message(), m.at());
                    }
                }
            });
        }
        return history;
    }

    /**
     * Whether {@link #fromArchive} gives these entries back. The archive is read unless the
     * answer is known without it: a room that does not archive and has history would lose it.
     *
     * @throws StoreUnavailableException if the archive cannot be read: the answer is not known yet
     */
    @Override
    public boolean rebuiltOnLoad(RoomView room, RoomStore store, Limits limits) {
        if (!entries.isEmpty() && !ArchiveModule.archives(room)) {
            return false;
        }
        History rebuilt = fromArchive(limits.historySize(), q -> store.queryArchive(room.jid(), q));
        return rebuilt.capacity == capacity && List.copyOf(rebuilt.entries).equals(List.copyOf(entries));
    }

    void append(Message broadcast, Instant at) {
        if (capacity <= 0) {
            return;
        }
        if (entries == EMPTY) {
            entries = new ArrayDeque<>(Math.min(capacity, 16));
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(broadcast, at));
    }

    /** Forgets the entries whose message {@code retracted} matches: a retracted message is never shown again. */
    void remove(Predicate<Message> retracted) {
        entries.removeIf(e -> retracted.test(e.message()));
    }

    int size() {
        return entries.size();
    }

    /**
     * Drops the oldest entries until none was received before {@code notBefore} and at most
     * {@code maxEntries} remain: the archive's retention, applied to the history it feeds.
     */
    void retain(Optional<Instant> notBefore, int maxEntries) {
        while (!entries.isEmpty() && (entries.size() > maxEntries
                || notBefore.filter(entries.peekFirst().at()::isBefore).isPresent())) {
            entries.removeFirst();
        }
    }

    /**
     * The entries a request selects, oldest first: the newest entries that satisfy every limit
     * together (XEP-0045 §7.2.14: the limits combine).
     *
     * @param size how many characters an entry takes as it will be sent; asked only when the
     *     request limits characters
     */
    List<Entry> select(HistoryRequest request, Instant now, ToIntFunction<Entry> size) {
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
                int length = size.applyAsInt(e);
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
    static Message delivery(Entry entry, EntityBareJid room, Jid recipient) {
        Element delay = Element.builder(XmppNamespaces.DELAY, "delay")
                .attribute("from", room.toString())
                .attribute("stamp", entry.at().toString())
                .build();
        Message m = entry.message().withTo(recipient);
        List<Node> children = new ArrayList<>(m.element().children());
        children.add(delay);
        return m.withChildren(children);
    }
}
