package dev.mucengine.core.model;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room's state as the auditor read it through the protocol: absent, or its configuration, its
 * affiliation lists and its occupants.
 *
 * @param exists whether the room answered at all (a destroyed or emptied temporary room does not)
 * @param config the configuration the owner's form shows
 * @param affiliations the affiliation lists: bare or server JID to its affiliation
 * @param occupants the role lists, moderators, then participants, then visitors: one entry per
 *     session, so an occupant in the room from several clients is listed once for each
 */
record RoomState(boolean exists, Config config, Map<String, Affiliation> affiliations, List<Occupant> occupants) {

    static final RoomState ABSENT = new RoomState(false, Config.NONE, Map.of(), List.of());

    /** The configuration fields the actions change. */
    record Config(boolean membersOnly, boolean moderated, boolean persistent, Optional<String> password,
            int maxUsers) {
        static final Config NONE = new Config(false, false, false, Optional.empty(), 0);
    }

    /** One occupant of a role list. */
    record Occupant(String nick, String realJid, Role role, Affiliation affiliation) {
    }

    /**
     * The affiliation the room gives a session: its user's own entry, else its server's, else none
     * (XEP-0045 §5.2; RoomView.affiliation).
     */
    Affiliation affiliationOf(String realJid) {
        String bare = realJid.contains("/") ? realJid.substring(0, realJid.indexOf('/')) : realJid;
        Affiliation own = affiliations.get(bare);
        if (own != null) {
            return own;
        }
        return affiliations.getOrDefault(bare.substring(bare.indexOf('@') + 1), Affiliation.NONE);
    }

    Optional<Occupant> occupantByRealJid(String realJid) {
        return occupants.stream().filter(o -> o.realJid().equals(realJid)).findFirst();
    }

    /** Occupants, not sessions: one user's sessions under one nickname are one occupant. */
    long occupantCount() {
        return occupants.stream().map(Occupant::nick).distinct().count();
    }

    Optional<Occupant> occupantByNick(String nick) {
        return occupants.stream().filter(o -> o.nick().equals(nick)).findFirst();
    }
}
