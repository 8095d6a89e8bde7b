package dev.mucengine.core.store;

import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * The durable state of a persistent room: what survives a restart. Occupants and discussion
 * history are transient.
 *
 * @param jid the room's address
 * @param config the room's configuration
 * @param affiliations every affiliation entry, in the order they were set (with reserved nicknames and
 *     ban reasons)
 * @param subject the message that set the current subject, as broadcast; empty when there is none
 * @param creator the user who created the room; it counts toward that user's limit of rooms
 *     ({@link dev.mucengine.core.service.Limits#maxRoomsPerUser()}) for as long as the room exists,
 *     restarts included. Empty when unknown (a record written by other tooling).
 * @param vcard the room's vCard (XEP-0054 {@code <vCard xmlns='vcard-temp'/>}, which carries its
 *     avatar per XEP-0486), as its owner set it; empty when none is set
 */
public record RoomRecord(EntityBareJid jid, RoomConfig config, List<AffiliationEntry> affiliations,
        Optional<Message> subject, Optional<BareJid> creator, Optional<Element> vcard) {

    /**
     * Checks the record and copies the affiliations.
     *
     * @param jid the room's address
     * @param config the room's configuration
     * @param affiliations every affiliation entry, in the order they were set
     * @param subject the message that set the current subject, or empty
     * @param creator the user who created the room, when known
     * @param vcard the room's vCard, or empty
     * @throws NullPointerException if an argument, or an affiliation entry, is null
     */
    public RoomRecord {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(config, "config");
        affiliations = List.copyOf(affiliations);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(vcard, "vcard");
    }

    /**
     * A record of a room without a vCard.
     *
     * @param jid the room's address
     * @param config the room's configuration
     * @param affiliations every affiliation entry, in the order they were set
     * @param subject the message that set the current subject, or empty
     * @param creator the user who created the room, when known
     * @throws NullPointerException if an argument, or an affiliation entry, is null
     */
    public RoomRecord(EntityBareJid jid, RoomConfig config, List<AffiliationEntry> affiliations,
            Optional<Message> subject, Optional<BareJid> creator) {
        this(jid, config, affiliations, subject, creator, Optional.empty());
    }

    /**
     * This record with another vCard.
     *
     * @param newVcard the room's vCard, or empty
     * @return a copy
     */
    public RoomRecord withVcard(Optional<Element> newVcard) {
        return new RoomRecord(jid, config, affiliations, subject, creator, newVcard);
    }

    /**
     * The room's entry in the service's directory of rooms (no one is in a room just loaded).
     *
     * @return the entry, with 0 occupants
     */
    public DirectoryEntry directoryEntry() {
        return new DirectoryEntry(jid, config.name(), config.publicRoom(), 0, creator);
    }
}
