package dev.mucengine.core.store;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * What the service knows of a room without holding it in memory: enough to list public rooms
 * (XEP-0045 §6.3), to know that a room exists before loading it, and to count the rooms a user
 * created.
 *
 * @param jid the room's address
 * @param name the configured name; empty when the room has none
 * @param publicRoom whether the room is listed in the service's disco#items
 * @param occupants how many occupants the room has (0 for a room that is not live)
 * @param creator who created the room, when known
 */
public record DirectoryEntry(EntityBareJid jid, String name, boolean publicRoom, int occupants,
        Optional<BareJid> creator) {

    /**
     * Checks the entry.
     *
     * @param jid the room's address
     * @param name the configured name, or empty
     * @param publicRoom whether the room is listed
     * @param occupants how many occupants the room has
     * @param creator who created the room, when known
     * @throws NullPointerException if {@code jid}, {@code name} or {@code creator} is null
     * @throws IllegalArgumentException if {@code occupants} is negative
     */
    public DirectoryEntry {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(name, "name");
        if (occupants < 0) {
            throw new IllegalArgumentException("occupants must not be negative");
        }
        Objects.requireNonNull(creator, "creator");
    }
}
