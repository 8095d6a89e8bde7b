package dev.mucengine.core.module;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Nicknames;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A user asking to enter a room.
 *
 * @param user the session asking to enter
 * @param nick the nickname it asks for, already prepared ({@link dev.mucengine.core.muc.Nicknames})
 * @param privilege the affiliation that decides access (service administrators count as owners)
 * @param password the password it gave, if any
 */
public record JoinRequest(EntityFullJid user, Resourcepart nick, Affiliation privilege, Optional<String> password) {

    /**
     * Checks the request.
     *
     * @param user the session asking to enter
     * @param nick the prepared nickname it asks for
     * @param privilege the affiliation that decides access
     * @param password the password it gave, if any
     * @throws NullPointerException if an argument is null
     */
    public JoinRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(password, "password");
    }
}
