package dev.mucengine.core.muc;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <x xmlns='http://jabber.org/protocol/muc#user'/>} (XEP-0045 §19.2): what the room says
 * about occupants and invitations. {@link MucCodec} writes it in one fixed order: the status codes
 * other than 110 (ascending), {@code <destroy/>}, invitations, declines, items,
 * {@code <password/>}, then status 110 last.
 *
 * @param statuses the status codes
 * @param destroy the notice that the room was destroyed, if it was
 * @param invites the invitations
 * @param declines the declined invitations
 * @param items the items (occupant or affiliation)
 * @param password the room's password, on an invitation the room relays
 */
public record MucUser(Set<StatusCode> statuses, Optional<Destroy> destroy, List<Invite> invites,
        List<Decline> declines, List<MucItem> items, Optional<String> password) {

    /** {@code <x/>} with nothing inside, as on a relayed private message (§7.5). */
    public static final MucUser EMPTY = new MucUser(Set.of(), Optional.empty(), List.of(), List.of(), List.of(),
            Optional.empty());

    /**
     * Copies the codes and lists.
     *
     * @param statuses the status codes
     * @param destroy the destruction notice, if any
     * @param invites the invitations
     * @param declines the declines
     * @param items the items
     * @param password the password, if any
     * @throws NullPointerException if an argument, or an element of a list, is null
     */
    public MucUser {
        statuses = statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses);
        Objects.requireNonNull(destroy, "destroy");
        invites = List.copyOf(invites);
        declines = List.copyOf(declines);
        items = List.copyOf(items);
        Objects.requireNonNull(password, "password");
    }

    /**
     * Status codes and one item: occupant presence and affiliation notices.
     *
     * @param statuses the status codes, possibly none
     * @param item the item
     * @return the payload
     */
    public static MucUser of(Set<StatusCode> statuses, MucItem item) {
        return new MucUser(statuses, Optional.empty(), List.of(), List.of(), List.of(item), Optional.empty());
    }

    /**
     * Status codes only: configuration-change notices (§10.2.1).
     *
     * @param statuses the status codes
     * @return the payload
     */
    public static MucUser of(Set<StatusCode> statuses) {
        return new MucUser(statuses, Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    /**
     * This payload with a destruction notice.
     *
     * @param value the destruction
     * @return a copy with {@code value}
     */
    public MucUser withDestroy(Destroy value) {
        return new MucUser(statuses, Optional.of(value), invites, declines, items, password);
    }
}
