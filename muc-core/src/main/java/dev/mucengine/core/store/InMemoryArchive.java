package dev.mucengine.core.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.Jid;

/**
 * One room's archive, in memory and bounded: when it holds {@code capacity} messages, archiving
 * another drops the oldest (XEP-0313 §3.2 allows discarding the oldest messages). Queries scan the
 * messages; the store this serves is meant for tests, scripts and small deployments. Not
 * thread-safe: {@link InMemoryRoomStore} guards it.
 */
final class InMemoryArchive {

    private final int capacity;
    private final Deque<ArchivedMessage> messages = new ArrayDeque<>();

    InMemoryArchive(int capacity) {
        this.capacity = capacity;
    }

    void append(ArchivedMessage message) {
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    /** Replaces the message archived under {@code id} by its tombstone, in place; nothing if there is none. */
    void retract(DurableChange.MessageRetracted retraction) {
        List<ArchivedMessage> all = new ArrayList<>(messages);
        for (int i = 0; i < all.size(); i++) {
            ArchivedMessage m = all.get(i);
            if (m.id().equals(retraction.id())) {
                all.set(i, new ArchivedMessage(m.id(), m.at(), m.nick(), m.realJid(), retraction.tombstone()));
                messages.clear();
                messages.addAll(all);
                return;
            }
        }
    }

    void trim(DurableChange.ArchiveTrimmed trim) {
        trim.olderThan().ifPresent(t -> {
            while (!messages.isEmpty() && messages.peekFirst().at().isBefore(t)) {
                messages.removeFirst();
            }
        });
        if (trim.keepNewest().isPresent()) {
            while (messages.size() > trim.keepNewest().getAsInt()) {
                messages.removeFirst();
            }
        }
    }

    Optional<ArchivePage> query(ArchiveQuery query) {
        List<ArchivedMessage> all = new ArrayList<>(messages);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i).id(), i);
        }
        if (!positions.keySet().containsAll(query.namedIds())) {
            return Optional.empty();
        }
        int after = Math.max(query.afterId().map(positions::get).orElse(-1),
                query.pageAfter().map(positions::get).orElse(-1));
        int before = Math.min(query.beforeId().map(positions::get).orElse(all.size()),
                query.pageBefore().map(positions::get).orElse(all.size()));
        Set<String> ids = Set.copyOf(query.ids());
        List<ArchivedMessage> matches = new ArrayList<>();
        for (int i = after + 1; i < before; i++) {
            ArchivedMessage m = all.get(i);
            if (matches(m, query) && (ids.isEmpty() || ids.contains(m.id()))) {
                matches.add(m);
            }
        }
        int size = Math.min(query.max(), matches.size());
        List<ArchivedMessage> page = query.fromEnd()
                ? matches.subList(matches.size() - size, matches.size())
                : matches.subList(0, size);
        return Optional.of(new ArchivePage(page, matches.size() <= query.max()));
    }

    private static boolean matches(ArchivedMessage m, ArchiveQuery q) {
        if (q.start().filter(m.at()::isBefore).isPresent() || q.end().filter(m.at()::isAfter).isPresent()) {
            return false;
        }
        if (q.nick().filter(n -> !n.equals(m.nick())).isPresent()) {
            return false;
        }
        if (q.realJid().isPresent()) {
            Jid wanted = q.realJid().get();
            Optional<Jid> sender = wanted.hasResource() ? m.realJid() : m.realJid().map(Jid::asBareJid);
            return sender.filter(wanted::equals).isPresent();
        }
        return true;
    }
}
