package dev.mucengine.core.room;

import dev.mucengine.core.muc.Role;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One requested role change; the occupant is named by exactly one of nick (normal, XEP-0045 §8)
 * or real JID (the moderator list of §9.8).
 *
 * @param nick the occupant's nickname in the room
 * @param jid the occupant's real JID: a full JID names that session, a bare JID the user's first
 *     session in join order
 * @param role the new role; {@link Role#NONE} kicks the occupant (§8.2)
 * @param reason why, shown to the occupants with the change
 */
public record RoleRequest(Optional<Resourcepart> nick, Optional<Jid> jid, Role role, Optional<String> reason) {

    /**
     * Checks that exactly one of {@code nick} and {@code jid} names the occupant.
     *
     * @param nick the occupant's nickname in the room
     * @param jid the occupant's real JID
     * @param role the new role
     * @param reason why, shown to the occupants with the change
     * @throws IllegalArgumentException if both or neither are given
     */
    public RoleRequest {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
        if (nick.isPresent() == jid.isPresent()) {
            throw new IllegalArgumentException("a role request names the occupant by nick or by jid, not both");
        }
    }

    /**
     * A change of the occupant with this nickname.
     *
     * @param nick the occupant's nickname
     * @param role the new role
     * @param reason why, if a reason is given
     * @return the request
     */
    public static RoleRequest byNick(Resourcepart nick, Role role, Optional<String> reason) {
        return new RoleRequest(Optional.of(nick), Optional.empty(), role, reason);
    }
}
