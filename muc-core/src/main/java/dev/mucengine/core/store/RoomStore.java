package dev.mucengine.core.store;

import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * Where persistent rooms live between restarts. The engine calls it from its own thread, after a
 * transition that changed durable state; implementations decide how to write (and may batch).
 */
public interface RoomStore {

    Optional<RoomRecord> load(EntityBareJid room);

    void save(RoomRecord record);

    void delete(EntityBareJid room);

    /** Every stored room, for listing public rooms without loading them one by one. */
    java.util.Collection<RoomRecord> all();
}
