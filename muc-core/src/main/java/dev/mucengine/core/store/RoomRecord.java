package dev.mucengine.core.store;

import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Message;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * What survives a restart of a persistent room: configuration, affiliations (with reserved
 * nicknames and ban reasons) and the subject. Occupants and history are transient.
 */
public record RoomRecord(EntityBareJid jid, RoomConfig config, List<AffiliationEntry> affiliations,
        Optional<Message> subject) {

    public RoomRecord {
        affiliations = List.copyOf(affiliations);
    }
}
