package dev.mucengine.core.room;

import dev.mucengine.core.muc.Role;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One requested role change; the occupant is named by exactly one of nick (normal, XEP-0045 §8)
 * or real JID (the moderator list of §9.8).
 */
public record RoleRequest(Optional<Resourcepart> nick, Optional<Jid> jid, Role role, Optional<String> reason) {

    public static RoleRequest byNick(Resourcepart nick, Role role, Optional<String> reason) {
        return new RoleRequest(Optional.of(nick), Optional.empty(), role, reason);
    }
}
