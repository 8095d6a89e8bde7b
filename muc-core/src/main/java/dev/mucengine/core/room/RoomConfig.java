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
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Copy-and-change builder, from {@link RoomConfig#toBuilder()}. Each setter sets the component of
     * the same name; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private String name;
        private String description;
        private String language;
        private boolean persistent;
        private boolean publicRoom;
        private boolean membersOnly;
        private boolean moderated;
        private Optional<String> password;
        private Whois whois;
        private int maxUsers;
        private Set<Role> presenceBroadcast;
        private PmPolicy allowPm;
        private boolean allowInvites;
        private boolean changeSubject;
        private boolean enableLogging;
        private Set<Role> getMemberList;
        private boolean allowVoiceRequests;
        private boolean allowRegistration;
        private final Map<String, List<String>> settings;

        private Builder(RoomConfig c) {
            name = c.name;
            description = c.description;
            language = c.language;
            persistent = c.persistent;
            publicRoom = c.publicRoom;
            membersOnly = c.membersOnly;
            moderated = c.moderated;
            password = c.password;
            whois = c.whois;
            maxUsers = c.maxUsers;
            presenceBroadcast = c.presenceBroadcast;
            allowPm = c.allowPm;
            allowInvites = c.allowInvites;
            changeSubject = c.changeSubject;
            enableLogging = c.enableLogging;
            getMemberList = c.getMemberList;
            allowVoiceRequests = c.allowVoiceRequests;
            allowRegistration = c.allowRegistration;
            settings = new LinkedHashMap<>(c.settings);
        }

        /**
         * Sets the room's name.
         *
         * @param v the name; empty for none
         * @return this builder
         */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /**
         * Sets the room's description.
         *
         * @param v the description; empty for none
         * @return this builder
         */
        public Builder description(String v) {
            description = v;
            return this;
        }

        /**
         * Sets the language of discussions.
         *
         * @param v a language tag; empty for none
         * @return this builder
         */
        public Builder language(String v) {
            language = v;
            return this;
        }

        /**
         * Sets whether the room is persistent.
         *
         * @param v true to store the room
         * @return this builder
         */
        public Builder persistent(boolean v) {
            persistent = v;
            return this;
        }

        /**
         * Sets whether the room is listed.
         *
         * @param v true to list it in disco#items
         * @return this builder
         */
        public Builder publicRoom(boolean v) {
            publicRoom = v;
            return this;
        }

        /**
         * Sets whether the room is members-only.
         *
         * @param v true to admit members, admins and owners only
         * @return this builder
         */
        public Builder membersOnly(boolean v) {
            membersOnly = v;
            return this;
        }

        /**
         * Sets whether the room is moderated.
         *
         * @param v true to make unaffiliated occupants visitors
         * @return this builder
         */
        public Builder moderated(boolean v) {
            moderated = v;
            return this;
        }

        /**
         * Sets the password.
         *
         * @param v the password to enter; empty for none
         * @return this builder
         */
        public Builder password(Optional<String> v) {
            password = v;
            return this;
        }

        /**
         * Sets who may discover real JIDs.
         *
         * @param v moderators or anyone
         * @return this builder
         */
        public Builder whois(Whois v) {
            whois = v;
            return this;
        }

        /**
         * Sets the room's maximum of occupants.
         *
         * @param v the maximum; 0 for none
         * @return this builder
         */
        public Builder maxUsers(int v) {
            maxUsers = v;
            return this;
        }

        /**
         * Sets the roles whose presence is broadcast.
         *
         * @param v the roles; {@link Role#NONE} shows offline members
         * @return this builder
         */
        public Builder presenceBroadcast(Set<Role> v) {
            presenceBroadcast = v;
            return this;
        }

        /**
         * Sets who may send private messages.
         *
         * @param v the policy
         * @return this builder
         */
        public Builder allowPm(PmPolicy v) {
            allowPm = v;
            return this;
        }

        /**
         * Sets whether every occupant may invite to a members-only room.
         *
         * @param v true to let every occupant invite
         * @return this builder
         */
        public Builder allowInvites(boolean v) {
            allowInvites = v;
            return this;
        }

        /**
         * Sets whether occupants with voice may change the subject.
         *
         * @param v true to let them
         * @return this builder
         */
        public Builder changeSubject(boolean v) {
            changeSubject = v;
            return this;
        }

        /**
         * Sets whether the room is publicly logged.
         *
         * @param v true if it is
         * @return this builder
         */
        public Builder enableLogging(boolean v) {
            enableLogging = v;
            return this;
        }

        /**
         * Sets the roles that may retrieve the member list.
         *
         * @param v the roles
         * @return this builder
         */
        public Builder getMemberList(Set<Role> v) {
            getMemberList = v;
            return this;
        }

        /**
         * Sets whether visitors may request voice.
         *
         * @param v true to let them
         * @return this builder
         */
        public Builder allowVoiceRequests(boolean v) {
            allowVoiceRequests = v;
            return this;
        }

        /**
         * Sets whether unaffiliated users may register.
         *
         * @param v true to let them
         * @return this builder
         */
        public Builder allowRegistration(boolean v) {
            allowRegistration = v;
            return this;
        }

        /**
         * Sets the values of a module's configuration field.
         *
         * @param var the field's {@code var}
         * @param values its values (copied)
         * @return this builder
         */
        public Builder setting(String var, List<String> values) {
            settings.put(var, List.copyOf(values));
            return this;
        }

        /**
         * The configuration as set so far.
         *
         * @return a new configuration
         */
        public RoomConfig build() {
            return new RoomConfig(name, description, language, persistent, publicRoom, membersOnly, moderated,
                    password, whois, maxUsers, presenceBroadcast, allowPm, allowInvites, changeSubject,
                    enableLogging, getMemberList, allowVoiceRequests, allowRegistration, settings);
        }
    }
}
