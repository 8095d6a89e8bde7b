package dev.mucengine.store.sql.internal;

import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * Answers archive queries in SQL. Ids become bounds on {@code seq} (the archive order), the
 * filters become conditions, and the page is read with {@code LIMIT max + 1}: the extra row, if
 * any, says the page is not complete. A page from the end is read in descending order and turned
 * round. An {@code ids} list comes from a user: it is looked up in chunks, never as one
 * unbounded statement.
 */
public final class ArchiveReader {

    /** Ids per statement: far below both databases' limits on bound parameters. */
    static final int CHUNK = 500;

    private static final String COLUMNS = "SELECT seq, stanza_id, at, nick, real_jid, stanza FROM archive";

    private ArchiveReader() {
    }

    /**
     * One page of a room's archive.
     *
     * @param c the connection
     * @param room the room
     * @param q the query
     * @return the page, or empty if the query names an id the room's archive does not hold
     * @throws SQLException on a database fault
     */
    public static Optional<ArchivePage> query(Connection c, EntityBareJid room, ArchiveQuery q) throws SQLException {
        OptionalLong roomId = roomId(c, room);
        Set<String> named = new LinkedHashSet<>(q.namedIds());
        Map<String, Long> seqs = roomId.isPresent() ? seqs(c, roomId.getAsLong(), named) : Map.of();
        if (seqs.size() < named.size()) {
            return Optional.empty();
        }
        if (roomId.isEmpty()) {
            return Optional.of(new ArchivePage(List.of(), true));
        }
        Conditions where = conditions(roomId.getAsLong(), q, seqs);
        List<ArchivedMessage> matches = q.ids().isEmpty() ? firstMatches(c, where, q)
                : idMatches(c, where, new LinkedHashSet<>(q.ids()), seqs);
        return Optional.of(page(matches, q));
    }

    /** Where the named ids are in the room's archive; an id it does not hold is absent. */
    private static Map<String, Long> seqs(Connection c, long roomId, Set<String> ids) throws SQLException {
        Map<String, Long> seqs = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            try (PreparedStatement p = c.prepareStatement("SELECT stanza_id, seq FROM archive WHERE room_id = ? "
                    + "AND stanza_id IN (" + placeholders(chunk.size()) + ")")) {
                p.setLong(1, roomId);
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 2, chunk.get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        seqs.put(r.getString(1), r.getLong(2));
                    }
                }
            }
        }
        return seqs;
    }

    private static Conditions conditions(long roomId, ArchiveQuery q, Map<String, Long> seqs) {
        Conditions where = new Conditions();
        where.add("room_id = ?", roomId);
        long after = Math.max(q.afterId().map(seqs::get).orElse(Long.MIN_VALUE),
                q.pageAfter().map(seqs::get).orElse(Long.MIN_VALUE));
        if (after != Long.MIN_VALUE) {
            where.add("seq > ?", after);
        }
        long before = Math.min(q.beforeId().map(seqs::get).orElse(Long.MAX_VALUE),
                q.pageBefore().map(seqs::get).orElse(Long.MAX_VALUE));
        if (before != Long.MAX_VALUE) {
            where.add("seq < ?", before);
        }
        q.start().ifPresent(t -> where.add("at >= ?", StoredValues.ceilMillis(t)));
        q.end().ifPresent(t -> where.add("at <= ?", StoredValues.floorMillis(t)));
        q.nick().ifPresent(n -> where.add("nick = ?", n.toString()));
        if (q.realJid().isPresent()) {
            Jid jid = q.realJid().get();
            where.add(jid.hasResource() ? "real_jid = ?" : "real_bare = ?", jid.toString());
        }
        return where;
    }

    /** Up to {@code max + 1} matches from the page's end of the archive, in archive order. */
    private static List<ArchivedMessage> firstMatches(Connection c, Conditions where, ArchiveQuery q)
            throws SQLException {
        String sql = COLUMNS + " WHERE " + where.sql() + " ORDER BY seq " + (q.fromEnd() ? "DESC" : "ASC") + " LIMIT ?";
        List<ArchivedMessage> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int next = where.bind(p, 1);
            p.setLong(next, (long) q.max() + 1);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(message(r));
                }
            }
        }
        if (q.fromEnd()) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** Every match among the listed ids (at most as many as listed), in archive order. */
    private static List<ArchivedMessage> idMatches(Connection c, Conditions where, Set<String> ids,
            Map<String, Long> seqs) throws SQLException {
        List<Long> wanted = new ArrayList<>();
        for (String id : ids) {
            wanted.add(seqs.get(id));
        }
        TreeMap<Long, ArchivedMessage> matches = new TreeMap<>();
        for (List<Long> chunk : chunks(wanted)) {
            String sql = COLUMNS + " WHERE " + where.sql() + " AND seq IN (" + placeholders(chunk.size()) + ")";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int next = where.bind(p, 1);
                for (Long seq : chunk) {
                    p.setLong(next++, seq);
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        matches.put(r.getLong(1), message(r));
                    }
                }
            }
        }
        return new ArrayList<>(matches.values());
    }

    /** The page of the matches (which hold the whole page, and one more if there is more). */
    private static ArchivePage page(List<ArchivedMessage> matches, ArchiveQuery q) {
        int size = Math.min(q.max(), matches.size());
        List<ArchivedMessage> page = q.fromEnd() ? matches.subList(matches.size() - size, matches.size())
                : matches.subList(0, size);
        return new ArchivePage(page, matches.size() <= q.max());
    }

    private static ArchivedMessage message(ResultSet r) throws SQLException {
        String id = r.getString(2);
        String realJid = r.getString(5);
        return new ArchivedMessage(id, Instant.ofEpochMilli(r.getLong(3)), StoredValues.nick(r.getString(4)),
                Optional.ofNullable(realJid).map(StoredValues::jid), StoredXml.message(r.getString(6),
                        "archived message " + id));
    }

    private static OptionalLong roomId(Connection c, EntityBareJid room) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM rooms WHERE jid = ?")) {
            p.setString(1, room.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** A conjunction of conditions with their parameters, bound in order. */
    private static final class Conditions {
        private final List<String> sql = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        void add(String condition, Object parameter) {
            sql.add(condition);
            parameters.add(parameter);
        }

        String sql() {
            return String.join(" AND ", sql);
        }

        /** Binds the parameters from {@code index}; returns the next free index. */
        int bind(PreparedStatement p, int index) throws SQLException {
            int i = index;
            for (Object value : parameters) {
                if (value instanceof Long l) {
                    p.setLong(i++, l);
                } else {
                    p.setString(i++, (String) value);
                }
            }
            return i;
        }
    }
}
