package dev.mucengine.store.sql.internal;

import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.store.DirectoryEntry;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.xml.Element;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.EntityBareJid;

/** Reads stored rooms: the directory, and one room's whole record. */
public final class RoomReader {

    private RoomReader() {
    }

    /**
     * Every stored room's directory entry.
     *
     * @param c the connection
     * @return the entries, in the order the rooms were first stored
     * @throws SQLException on a database fault
     */
    public static List<DirectoryEntry> directory(Connection c) throws SQLException {
        List<DirectoryEntry> entries = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT jid, config, creator FROM rooms ORDER BY id");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String jid = r.getString(1);
                RoomConfig config = ConfigXml.read(r.getString(2), jid);
                entries.add(new DirectoryEntry(StoredValues.room(jid), config.name(), config.publicRoom(), 0,
                        Optional.ofNullable(r.getString(3)).map(StoredValues::bare)));
            }
        }
        return entries;
    }

    /**
     * The service's secret (XEP-0421 occupant ids), if one was stored.
     *
     * @param c the connection
     * @return the secret, or empty
     * @throws SQLException on a database fault
     */
    public static Optional<String> serviceSecret(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT secret FROM service_secret WHERE id = 1");
                ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    /**
     * One room's record.
     *
     * @param c the connection
     * @param room the room's address
     * @return the record, or empty if the room is not stored
     * @throws SQLException on a database fault
     */
    public static Optional<RoomRecord> load(Connection c, EntityBareJid room) throws SQLException {
        long id;
        RoomConfig config;
        Optional<Message> subject;
        Optional<String> creator;
        Optional<Element> vcard;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, config, subject, creator, vcard FROM rooms WHERE jid = ?")) {
            p.setString(1, room.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                id = r.getLong(1);
                config = ConfigXml.read(r.getString(2), room.toString());
                @Nullable String subjectXml = r.getString(3);
                subject = subjectXml == null ? Optional.empty()
                        : Optional.of(StoredXml.message(subjectXml, "subject of " + room));
                creator = Optional.ofNullable(r.getString(4));
                @Nullable String vcardXml = r.getString(5);
                vcard = vcardXml == null ? Optional.empty() : Optional.of(StoredXml.parse(vcardXml, "vCard of " + room));
            }
        }
        return Optional.of(new RoomRecord(room, config, affiliations(c, id), subject,
                creator.map(StoredValues::bare), vcard));
    }

    private static List<AffiliationEntry> affiliations(Connection c, long roomId) throws SQLException {
        List<AffiliationEntry> entries = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT jid, affiliation, nick, reason FROM affiliations WHERE room_id = ? ORDER BY position")) {
            p.setLong(1, roomId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    entries.add(new AffiliationEntry(StoredValues.jid(r.getString(1)),
                            StoredValues.affiliation(r.getString(2)),
                            Optional.ofNullable(r.getString(3)).map(StoredValues::nick),
                            Optional.ofNullable(r.getString(4))));
                }
            }
        }
        return entries;
    }
}
