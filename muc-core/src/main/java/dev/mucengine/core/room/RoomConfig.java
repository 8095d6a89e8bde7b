package dev.mucengine.core.room;

import dev.mucengine.core.muc.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A room's configuration (the muc#roomconfig axes, XEP-0045 §10.2, §16.5.3). Immutable; change it
 * through {@link #toBuilder()}.
 *
 * @param name the room's natural-language name ({@code muc#roomconfig_roomname}); empty for none
 * @param description a short description of the room ({@code muc#roomconfig_roomdesc}); empty for none
 * @param language the language of the room's discussions, a language tag such as {@code en}
 *     ({@code muc#roomconfig_lang}); empty for none
 * @param persistent whether the room outlives its last occupant and is stored, so that it survives a
 *     restart ({@code muc#roomconfig_persistentroom})
 * @param publicRoom whether the service lists the room in its disco#items
 *     ({@code muc#roomconfig_publicroom})
 * @param membersOnly whether only members, admins and owners may enter
 *     ({@code muc#roomconfig_membersonly}, §7.2.6)
 * @param moderated whether occupants without an affiliation enter as visitors, who need voice to send
 *     groupchat messages ({@code muc#roomconfig_moderatedroom}, §5.1.2)
 * @param password the password needed to enter ({@code muc#roomconfig_roomsecret}, §7.2.5); empty for
 *     none
 * @param whois who may discover occupants' real JIDs ({@code muc#roomconfig_whois})
 * @param maxUsers 0 means no room-level limit (the service limit still applies)
 * @param presenceBroadcast roles whose presence is broadcast to other occupants; {@link Role#NONE} in
 *     it means that offline members are shown too ({@code muc#roomconfig_presencebroadcast})
 * @param allowPm who may send private messages ({@code muc#roomconfig_allowpm})
 * @param allowInvites whether every occupant may invite others to a members-only room, not only
 *     moderators ({@code muc#roomconfig_allowinvites}); any occupant may invite to an open room
 * @param changeSubject whether occupants with voice may change the subject; moderators always may
 *     ({@code muc#roomconfig_changesubject})
 * @param enableLogging whether the room says it is publicly logged (status 170); the engine keeps no
 *     log itself ({@code muc#roomconfig_enablelogging})
 * @param getMemberList roles that may retrieve the member list ({@code muc#roomconfig_getmemberlist})
 * @param allowVoiceRequests whether visitors may ask moderators for voice
 *     ({@code muc#roomconfig_allowvoicerequests}, §7.13)
 * @param allowRegistration whether users without an affiliation may register with the room
 *     ({@code muc#roomconfig_allowregister}, §7.10)
 * @param settings the values of configuration fields that room modules add (by field {@code var}, in
 *     the order they were first set); the standard fields are the components above
 */
public record RoomConfig(
        String name,
        String description,
        String language,
        boolean persistent,
        boolean publicRoom,
        boolean membersOnly,
        boolean moderated,
        Optional<String> password,
        Whois whois,
        int maxUsers,
        Set<Role> presenceBroadcast,
        PmPolicy allowPm,
        boolean allowInvites,
        boolean changeSubject,
        boolean enableLogging,
        Set<Role> getMemberList,
        boolean allowVoiceRequests,
        boolean allowRegistration,
        Map<String, List<String>> settings) {

    /**
     * Copies the role sets and the settings.
     *
     * @param name the room's name, or empty
     * @param description the room's description, or empty
     * @param language the language tag of discussions, or empty
     * @param persistent whether the room is stored
     * @param publicRoom whether the room is listed
     * @param membersOnly whether only members may enter
     * @param moderated whether unaffiliated occupants enter as visitors
     * @param password the password to enter, or empty
     * @param whois who may discover real JIDs
     * @param maxUsers the room's maximum of occupants, 0 for none
     * @param presenceBroadcast roles whose presence is broadcast
     * @param allowPm who may send private messages
     * @param allowInvites whether every occupant may invite to a members-only room
     * @param changeSubject whether occupants with voice may change the subject
     * @param enableLogging whether the room is publicly logged
     * @param getMemberList roles that may retrieve the member list
     * @param allowVoiceRequests whether visitors may request voice
     * @param allowRegistration whether unaffiliated users may register
     * @param settings module settings by field {@code var}
     * @throws NullPointerException if a set, the settings, or a value in them is null
     */
    public RoomConfig {
        presenceBroadcast = Set.copyOf(presenceBroadcast);
        getMemberList = Set.copyOf(getMemberList);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        settings.forEach((var, values) -> copy.put(var, List.copyOf(values)));
        settings = Collections.unmodifiableMap(copy);
    }

    /**
     * What a newly created room starts with: open, public, semi-anonymous, temporary, unmoderated,
     * without a password or a room-level maximum; presence broadcast for moderators, participants and
     * visitors (offline members not shown); private messages from anyone; subject changes, and
     * invitations to a members-only room, for moderators only; member list for moderators; voice
     * requests allowed; no registration; no module settings.
     *
     * @return the default configuration
     */
    public static RoomConfig defaults() {
        return new RoomConfig("", "", "", false, true, false, false, Optional.empty(), Whois.MODERATORS, 0,
                EnumSet.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR), PmPolicy.ANYONE, false, false,
                false, EnumSet.of(Role.MODERATOR), true, false, Map.of());
    }

    /**
     * The values of a module's configuration field, or {@code defaults} if it was never set.
     *
     * @param var the field's {@code var}
     * @param defaults what to return if the field was never set
     * @return the field's values, or {@code defaults}
     */
    public List<String> setting(String var, List<String> defaults) {
        return settings.getOrDefault(var, defaults);
    }

    /**
     * True if a password is required to enter.
     *
     * @return whether {@link #password()} is present
     */
    public boolean passwordProtected() {
        return password.isPresent();
    }

    /**
     * True if every occupant may discover every occupant's real JID (XEP-0045 §7.2.3).
     *
     * @return whether {@link #whois()} is {@link Whois#ANYONE}
     */
    public boolean nonAnonymous() {
        return whois == Whois.ANYONE;
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder holding every value of this configuration
     */
    public RoomConfigBuilder toBuilder() {
        return new RoomConfigBuilder(this);
    }
}
