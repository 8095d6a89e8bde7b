package dev.mucengine.core.store;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.xml.Element;
import java.util.Objects;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
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

    /**
     * A change to one room's durable state: every change but the service's own
     * ({@link ServiceSecretCreated}).
     */
    sealed interface RoomChange extends DurableChange {
        /**
         * The room the change is about.
         *
         * @return the room's address
         */
        EntityBareJid room();
    }

    /**
     * The room the change is about, if it is about one room.
     *
     * @return the room's address, or empty for a change to the service's own state
     */
    default Optional<EntityBareJid> roomIfAny() {
        return this instanceof RoomChange r ? Optional.of(r.room()) : Optional.empty();
    }

    /**
     * The service's secret was created (the key of XEP-0421 occupant ids, §4): store it, replacing
     * any, so that {@link RoomStore#serviceSecret()} returns it after a restart. The engine reports
     * it with the first stanza it handles when the store had none, and again after a failed commit
     * ({@link dev.mucengine.core.service.MucService#discard}), always with the same value.
     *
     * @param secret the secret; never empty, never shown to anyone
     */
    record ServiceSecretCreated(String secret) implements DurableChange {
        /**
         * Checks the change.
         *
         * @param secret the secret
         * @throws NullPointerException if {@code secret} is null
         * @throws IllegalArgumentException if {@code secret} is empty
         */
        public ServiceSecretCreated {
            Objects.requireNonNull(secret, "secret");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("secret must not be empty");
            }
        }

        @Override
        public String toString() {
            return "ServiceSecretCreated[secret=…]"; // keep the secret out of logs
        }
    }

    /**
     * A room became durable: it was created persistent, or an owner made it persistent. The
     * record is the whole durable state; it replaces any record stored under that JID (an
     * archive stored under it is kept; {@link RoomRemoved} is what deletes archives).
     *
     * @param record the room's whole durable state
     */
    record RoomStored(RoomRecord record) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param record the room's whole durable state
         * @throws NullPointerException if {@code record} is null
         */
        public RoomStored {
            Objects.requireNonNull(record, "record");
        }

        /**
         * The room the record is of.
         *
         * @return {@code record().jid()}
         */
        @Override
        public EntityBareJid room() {
            return record.jid();
        }
    }

    /**
     * A stored room's configuration changed (it is still persistent).
     *
     * @param room the room's address
     * @param config the room's whole new configuration
     */
    record ConfigChanged(EntityBareJid room, RoomConfig config) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @param config the new configuration
         * @throws NullPointerException if an argument is null
         */
        public ConfigChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * A stored room's affiliation of one bare (or server) JID changed. An entry with affiliation
     * {@link dev.mucengine.core.muc.Affiliation#NONE} removes the JID's entry.
     *
     * @param room the room's address
     * @param entry the JID's new entry, which replaces its old one (reserved nickname and reason
     *     included)
     */
    record AffiliationChanged(EntityBareJid room, AffiliationEntry entry) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @param entry the JID's new entry
         * @throws NullPointerException if an argument is null
         */
        public AffiliationChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * A stored room's subject changed.
     *
     * @param room the room's address
     * @param subject the message that set the subject, as broadcast; empty when the room has none
     */
    record SubjectChanged(EntityBareJid room, Optional<Message> subject) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @param subject the message that set the subject, or empty
         * @throws NullPointerException if an argument is null
         */
        public SubjectChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * A stored room's vCard (XEP-0054, its avatar per XEP-0486) was set or removed by an owner.
     *
     * @param room the room's address
     * @param vcard the whole new {@code <vCard xmlns='vcard-temp'/>}; empty when the owner removed it
     *     (set an empty vCard)
     */
    record RoomVcardChanged(EntityBareJid room, Optional<Element> vcard) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @param vcard the new vCard, or empty
         * @throws NullPointerException if an argument is null
         */
        public RoomVcardChanged {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(vcard, "vcard");
        }
    }

    /**
     * A stored room is gone from durable state, its archive with it: destroyed, or made temporary
     * by its owner (it then lives on only while occupied, and does not survive a restart).
     *
     * @param room the room's address
     */
    record RoomRemoved(EntityBareJid room) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @throws NullPointerException if {@code room} is null
         */
        public RoomRemoved {
            Objects.requireNonNull(room, "room");
        }
    }

    /**
     * A stored room archived a message (XEP-0313): append it to the room's archive, after every
     * message archived before it. The engine archives only for rooms the store holds, and never
     * reuses an id within a room: a store may refuse a duplicate (failing the batch) and may
     * ignore a message for a room it does not hold.
     *
     * @param room the room's address
     * @param message the message, with its archive id
     */
    record MessageArchived(EntityBareJid room, ArchivedMessage message) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @param message the message
         * @throws NullPointerException if an argument is null
         */
        public MessageArchived {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A stored room's archived message was retracted (XEP-0424 by its sender, XEP-0425 by a
     * moderator): the message archived under {@code id} is replaced by {@code tombstone}, keeping
     * its place in the archive, its time, nickname and real JID, so an archive query returns the
     * tombstone where the message was, never the text. A store ignores the change when it holds no
     * message with that id (retention may have deleted it meanwhile).
     *
     * @param room the room's address
     * @param id the archive id (stanza id) of the retracted message
     * @param tombstone what the archive keeps in its place: the message without its content, with a
     *     {@code <retracted/>} element saying when and, for a moderation, by whom and why
     */
    record MessageRetracted(EntityBareJid room, String id, Message tombstone) implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @param id the archive id of the retracted message
         * @param tombstone what the archive keeps in its place
         * @throws NullPointerException if an argument is null
         */
        public MessageRetracted {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tombstone, "tombstone");
        }
    }

    /**
     * The room's retention policy applies: delete the archived messages received before
     * {@code olderThan}, and all but the newest {@code keepNewest}. Only the oldest messages are
     * ever deleted, so the archive has no holes (XEP-0313 §3.2); their ids are never reused.
     * This is retention, not an edit: a store may defer it to the end of the {@link
     * RoomStore#apply} call and run only the last trim of each room there (the engine reports one
     * after every archived message, with the same policy).
     *
     * @param room the room's address
     * @param olderThan delete what was received before this instant, if set
     * @param keepNewest keep at most this many messages, if set
     */
    record ArchiveTrimmed(EntityBareJid room, Optional<Instant> olderThan, OptionalInt keepNewest)
            implements RoomChange {
        /**
         * Checks the change.
         *
         * @param room the room's address
         * @param olderThan delete what was received before this instant
         * @param keepNewest keep at most this many messages
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code keepNewest} is negative
         */
        public ArchiveTrimmed {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(olderThan, "olderThan");
            Objects.requireNonNull(keepNewest, "keepNewest");
            if (keepNewest.isPresent() && keepNewest.getAsInt() < 0) {
                throw new IllegalArgumentException("keepNewest must not be negative");
            }
        }
    }
}
