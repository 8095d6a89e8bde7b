package dev.mucengine.store.sql.probe;

import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.store.sql.SqlRoomStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Run by {@code ModulePathTest} in a JVM of its own, with the store and its drivers on the module
 * path: uses a store of each kind asked for, prints one line per success and exits non-zero on
 * failure. In its own package, which the store's module does not hold, so it loads from the class path.
 */
public final class ModulePathProbe {

    private ModulePathProbe() {
    }

    public static void main(String[] args) {
        for (String module : List.of("dev.mucengine.store.sql", "org.xerial.sqlitejdbc", "org.postgresql.jdbc")) {
            if (ModuleLayer.boot().findModule(module).isEmpty()) {
                throw new IllegalStateException("not a named module on the module path: " + module);
            }
        }
        if (!SqlRoomStore.class.getModule().isNamed()) {
            throw new IllegalStateException("SqlRoomStore was loaded from the class path");
        }
        try (SqlRoomStore store = SqlRoomStore.sqlite(Path.of(args[0]))) {
            exercise(store);
            System.out.println("sqlite ok on the module path");
        }
        if (args.length > 1) {
            try (SqlRoomStore store = SqlRoomStore.postgresql(args[1])) {
                exercise(store);
                System.out.println("postgresql ok on the module path");
            }
        }
    }

    private static void exercise(SqlRoomStore store) {
        EntityBareJid room = JidCreate.entityBareFromOrThrowUnchecked("probe@muc.example.org");
        Resourcepart nick = Resourcepart.fromOrThrowUnchecked("probe");
        Message m = Message.builder(MessageType.GROUPCHAT).from(JidCreate.entityFullFrom(room, nick))
                .textChild("body", "hello").build();
        RoomRecord record = new RoomRecord(room, RoomConfig.defaults().toBuilder().persistent(true).build(), List.of(),
                Optional.of(m), Optional.empty());
        store.apply(List.of(new DurableChange.RoomStored(record), new DurableChange.MessageArchived(room,
                new ArchivedMessage("id1", Instant.EPOCH, nick, Optional.empty(), m))));
        if (!store.load(room).orElseThrow().equals(record)
                || store.queryArchive(room, ArchiveQuery.newest(5)).orElseThrow().messages().size() != 1) {
            throw new IllegalStateException("the store did not give back what it was given");
        }
    }
}
