package dev.mucengine.core.store;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Message;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * One change to the durable state of the service, as the engine reports it in
 * {@link dev.mucengine.core.api.Effects#changes()}. Only persistent rooms have durable state:
 * changes to a temporary room are never reported, and a room that becomes persistent is reported
 * whole ({@link RoomStored}), so a store never sees a change for a room it does not hold.
 *
 * <p>A host applies the changes in list order, and applies them before it releases the
 * stanzas of the same {@code Effects} (see docs/architecture.md).
 */
public sealed interface DurableChange {

    /** The room the change is about. */
    EntityBareJid room();

    /**
     * A room became durable: it was created persistent, or an owner made it persistent. The
     * record is the whole durable state; it replaces anything stored under that JID.
     */
    record RoomStored(RoomRecord record) implements DurableChange {
        public RoomStored {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public EntityBareJid room() {
            return record.jid();
        }
    }

    /** A stored room's configuration changed (it is still persistent). */
    record ConfigChanged(EntityBareJid room, RoomConfig config) implements DurableChange {
        public ConfigChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * A stored room's affiliation of one bare (or server) JID changed. An entry with affiliation
     * {@link dev.mucengine.core.muc.Affiliation#NONE} removes the JID's entry.
     */
    record AffiliationChanged(EntityBareJid room, AffiliationEntry entry) implements DurableChange {
        public AffiliationChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A stored room's subject changed: the message that set it, as broadcast, or none. */
    record SubjectChanged(EntityBareJid room, Optional<Message> subject) implements DurableChange {
        public SubjectChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * A stored room is gone from durable state: destroyed, or made temporary by its owner (it then
     * lives on only while occupied, and does not survive a restart).
     */
    record RoomRemoved(EntityBareJid room) implements DurableChange {
        public RoomRemoved {
            Objects.requireNonNull(room, "room");
        }
    }
}
