package dev.mucengine.store.sql;

import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Small records, messages and SQL helpers for the store's own tests (the contract has the thorough ones). */
final class StoreFixtures {

    static final EntityBareJid ROOM = JidCreate.entityBareFromOrThrowUnchecked("council@muc.example.org");
    static final EntityBareJid OTHER = JidCreate.entityBareFromOrThrowUnchecked("lobby@muc.example.org");

    private StoreFixtures() {
    }

    static DurableChange.RoomStored stored(EntityBareJid room, String name) {
        return new DurableChange.RoomStored(new RoomRecord(room,
                RoomConfig.defaults().toBuilder().persistent(true).name(name).build(), List.of(), Optional.empty(),
                Optional.empty()));
    }

    static DurableChange.MessageArchived archived(EntityBareJid room, String id) {
        Message m = Message.builder(MessageType.GROUPCHAT)
                .from(JidCreate.entityFullFrom(room, Resourcepart.fromOrThrowUnchecked("nick")))
                .textChild("body", "message " + id).build();
        return new DurableChange.MessageArchived(room, new ArchivedMessage(id, Instant.parse("2025-01-01T00:00:00Z"),
                Resourcepart.fromOrThrowUnchecked("nick"), Optional.empty(), m));
    }

    /** Every row of a query, each row's columns as strings. */
    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
