package dev.mucengine.store.sql.internal;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.xml.Element;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.EntityBareJid;

/**
 * Writes one batch of {@link DurableChange}s, in order, inside the caller's transaction. A
 * change for a room the database does not hold is ignored, as the engine never reports one. The
 * archive's part (inserts sent together, counts, retention once per room) is the
 * {@link ArchiveWriter}'s.
 */
public final class ChangeWriter {

    private final Connection c;
    /** Room ids looked up during this batch; an absent value is a room not stored. */
    private final Map<EntityBareJid, OptionalLong> roomIds = new HashMap<>();
    private final ArchiveWriter archive;

    private ChangeWriter(Connection c) {
        this.c = c;
        this.archive = new ArchiveWriter(c);
    }

    /**
     * Writes the changes.
     *
     * @param c a connection in a transaction
     * @param changes the changes, in order
     * @throws SQLException on a database fault
     */
    public static void write(Connection c, List<DurableChange> changes) throws SQLException {
        ChangeWriter writer = new ChangeWriter(c);
        for (DurableChange change : changes) {
            writer.write(change);
        }
        writer.archive.finish();
    }

    private void write(DurableChange change) throws SQLException {
        if (change instanceof DurableChange.MessageArchived m) {
            OptionalLong id = roomId(m.room());
            if (id.isPresent()) {
                archive.archive(id.getAsLong(), m.message());
            }
            return;
        }
        if (change instanceof DurableChange.ArchiveTrimmed t) {
            OptionalLong id = roomId(t.room());
            if (id.isPresent()) {
                archive.trim(id.getAsLong(), t);
            }
            return;
        }
        archive.flush(); // what follows may read or delete what the queued inserts write
        if (change instanceof DurableChange.ServiceSecretCreated created) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO service_secret (id, secret) VALUES (1, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET secret = excluded.secret")) {
                p.setString(1, created.secret());
                p.executeUpdate();
            }
        } else if (change instanceof DurableChange.RoomStored s) {
            store(s.record());
        } else if (change instanceof DurableChange.ConfigChanged cc) {
            update("UPDATE rooms SET config = ? WHERE jid = ?", ConfigXml.write(cc.config()), cc.room());
        } else if (change instanceof DurableChange.SubjectChanged sc) {
            update("UPDATE rooms SET subject = ? WHERE jid = ?", subject(sc.subject()), sc.room());
        } else if (change instanceof DurableChange.RoomVcardChanged v) {
            update("UPDATE rooms SET vcard = ? WHERE jid = ?", vcard(v.vcard()), v.room());
        } else if (change instanceof DurableChange.AffiliationChanged a) {
            OptionalLong id = roomId(a.room());
            if (id.isPresent()) {
                setAffiliation(id.getAsLong(), a.entry());
            }
        } else if (change instanceof DurableChange.MessageRetracted mr) {
            OptionalLong id = roomId(mr.room());
            if (id.isPresent()) {
                archive.retract(id.getAsLong(), mr);
            }
        } else if (change instanceof DurableChange.RoomRemoved r) {
            remove(r.room());
        }
    }

    /** Upserts the room's row (its id, and so its archive, is kept) and replaces its affiliations. */
    private void store(RoomRecord record) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO rooms (jid, config, subject, creator, vcard) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (jid) DO UPDATE SET config = excluded.config, "
                + "subject = excluded.subject, creator = excluded.creator, vcard = excluded.vcard")) {
            p.setString(1, record.jid().toString());
            p.setString(2, ConfigXml.write(record.config()));
            setNullable(p, 3, subject(record.subject()));
            setNullable(p, 4, record.creator().map(Object::toString).orElse(null));
            setNullable(p, 5, vcard(record.vcard()));
            p.executeUpdate();
        }
        roomIds.remove(record.jid());
        long id = roomId(record.jid()).orElseThrow();
        execute("DELETE FROM affiliations WHERE room_id = ?", id);
        for (AffiliationEntry entry : record.affiliations()) {
            setAffiliation(id, entry);
        }
    }

    private void remove(EntityBareJid room) throws SQLException {
        OptionalLong id = roomId(room);
        if (id.isEmpty()) {
            return;
        }
        archive.forget(id.getAsLong());
        // Explicit rather than through the foreign keys' cascade: the result does not hang on a pragma.
        execute("DELETE FROM archive WHERE room_id = ?", id.getAsLong());
        execute("DELETE FROM affiliations WHERE room_id = ?", id.getAsLong());
        execute("DELETE FROM rooms WHERE id = ?", id.getAsLong());
        roomIds.put(room, OptionalLong.empty());
    }

    /** Replaces the JID's entry by the new one, last in order; an entry of none only removes. */
    private void setAffiliation(long roomId, AffiliationEntry entry) throws SQLException {
        String jid = entry.jid().asBareJid().toString();
        try (PreparedStatement p = c.prepareStatement("DELETE FROM affiliations WHERE room_id = ? AND jid = ?")) {
            p.setLong(1, roomId);
            p.setString(2, jid);
            p.executeUpdate();
        }
        if (entry.affiliation() == Affiliation.NONE) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO affiliations "
                + "(room_id, jid, affiliation, nick, reason, position) VALUES (?, ?, ?, ?, ?, "
                + "(SELECT COALESCE(MAX(position), 0) + 1 FROM affiliations WHERE room_id = ?))")) {
            p.setLong(1, roomId);
            p.setString(2, jid);
            p.setString(3, entry.affiliation().wireName());
            setNullable(p, 4, entry.reservedNick().map(Object::toString).orElse(null));
            setNullable(p, 5, entry.reason().orElse(null));
            p.setLong(6, roomId);
            p.executeUpdate();
        }
    }

    private OptionalLong roomId(EntityBareJid room) throws SQLException {
        OptionalLong known = roomIds.get(room);
        if (known != null) {
            return known;
        }
        OptionalLong id = OptionalLong.empty();
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM rooms WHERE jid = ?")) {
            p.setString(1, room.toString());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    id = OptionalLong.of(r.getLong(1));
                }
            }
        }
        roomIds.put(room, id);
        return id;
    }

    private void update(String sql, @Nullable String value, EntityBareJid room) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            setNullable(p, 1, value);
            p.setString(2, room.toString());
            p.executeUpdate();
        }
    }

    private void execute(String sql, long roomId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, roomId);
            p.executeUpdate();
        }
    }

    private static @Nullable String vcard(Optional<Element> vcard) {
        return vcard.map(StoredXml::write).orElse(null);
    }

    private static @Nullable String subject(Optional<Message> subject) {
        return subject.map(m -> StoredXml.write(m.element())).orElse(null);
    }

    private static void setNullable(PreparedStatement p, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }
}
