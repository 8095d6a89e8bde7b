package dev.mucengine.store.sql.internal;

import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.EntityBareJid;

/**
 * The archive's part of one batch: inserts through one prepared statement, sent to the database
 * together, each room's message count kept in {@code rooms.archived}, and retention run once per
 * room at the end.
 *
 * <p>Trims are retention, not history: the engine reports one after every archived message, so
 * a batch of a hundred messages carries a hundred trims. Only the last trim of each room runs,
 * after the batch's other changes. The engine reports each trim after its message and with the
 * room's one policy, so the last trim follows the room's last message and has the latest cutoff:
 * running it alone leaves what running each in place would. Retention by count reads the room's
 * count and deletes only the excess, from the oldest end, so its cost follows what it deletes,
 * not the size of the archive.
 */
final class ArchiveWriter {

    private final Connection c;
    private @Nullable PreparedStatement insert;
    private int pending;
    private final Map<Long, Long> added = new LinkedHashMap<>();
    private final Map<Long, DurableChange.ArchiveTrimmed> trims = new LinkedHashMap<>();

    ArchiveWriter(Connection c) {
        this.c = c;
    }

    /** Queues the message's insert. */
    void archive(long roomId, ArchivedMessage m) throws SQLException {
        if (insert == null) {
            insert = c.prepareStatement("INSERT INTO archive "
                    + "(room_id, stanza_id, at, nick, real_jid, real_bare, stanza) VALUES (?, ?, ?, ?, ?, ?, ?)");
        }
        insert.setLong(1, roomId);
        insert.setString(2, m.id());
        insert.setLong(3, m.at().toEpochMilli());
        insert.setString(4, m.nick().toString());
        setNullable(insert, 5, m.realJid().map(Object::toString).orElse(null));
        setNullable(insert, 6, m.realJid().map(j -> j.asBareJid().toString()).orElse(null));
        insert.setString(7, StoredXml.write(m.message().element()));
        insert.addBatch();
        pending++;
        added.merge(roomId, 1L, Long::sum);
    }

    /**
     * Replaces the stored message by its tombstone in place: same row, so its archive order, time,
     * nickname and real JID stay (XEP-0424 §6). Sent after the queued inserts, which may hold the
     * message (the host's batch may carry both).
     */
    void retract(long roomId, DurableChange.MessageRetracted retraction) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE archive SET stanza = ? WHERE room_id = ? AND stanza_id = ?")) {
            p.setString(1, StoredXml.write(retraction.tombstone().element()));
            p.setLong(2, roomId);
            p.setString(3, retraction.id());
            p.executeUpdate();
        }
    }

    /** Notes the room's trim; the last one noted runs at {@link #finish()}. */
    void trim(long roomId, DurableChange.ArchiveTrimmed trim) {
        trims.put(roomId, trim);
    }

    /** Sends the queued inserts, before a change that may read or delete what they write. */
    void flush() throws SQLException {
        if (pending > 0 && insert != null) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /** The room is gone: nothing more to count or trim for it. */
    void forget(long roomId) throws SQLException {
        flush();
        added.remove(roomId);
        trims.remove(roomId);
    }

    /** Sends the inserts, updates the counts, runs the trims; closes the statement. */
    void finish() throws SQLException {
        try {
            flush();
            for (Map.Entry<Long, Long> e : added.entrySet()) {
                adjustCount(e.getKey(), e.getValue());
            }
            for (Map.Entry<Long, DurableChange.ArchiveTrimmed> e : trims.entrySet()) {
                run(e.getKey(), e.getValue());
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
    }

    /**
     * Deletes the oldest messages only: those before the first message young enough (so a clock
     * that went back leaves no hole), then the oldest beyond {@code keepNewest}.
     */
    private void run(long roomId, DurableChange.ArchiveTrimmed t) throws SQLException {
        if (t.olderThan().isPresent()) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM archive WHERE room_id = ? AND seq < "
                    + "COALESCE((SELECT MIN(seq) FROM archive WHERE room_id = ? AND at >= ?), ?)")) {
                p.setLong(1, roomId);
                p.setLong(2, roomId);
                p.setLong(3, StoredValues.ceilMillis(t.olderThan().get()));
                p.setLong(4, Long.MAX_VALUE);
                adjustCount(roomId, -p.executeUpdate());
            }
        }
        if (t.keepNewest().isPresent()) {
            long excess = count(roomId) - t.keepNewest().getAsInt();
            if (excess > 0) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM archive WHERE room_id = ? AND seq <= "
                        + "(SELECT seq FROM archive WHERE room_id = ? ORDER BY seq LIMIT 1 OFFSET ?)")) {
                    p.setLong(1, roomId);
                    p.setLong(2, roomId);
                    p.setLong(3, excess - 1);
                    adjustCount(roomId, -p.executeUpdate());
                }
            }
        }
    }

    private long count(long roomId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT archived FROM rooms WHERE id = ?")) {
            p.setLong(1, roomId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private void adjustCount(long roomId, long by) throws SQLException {
        if (by == 0) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE rooms SET archived = archived + ? WHERE id = ?")) {
            p.setLong(1, by);
            p.setLong(2, roomId);
            p.executeUpdate();
        }
    }

    private static void setNullable(PreparedStatement p, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }
}
