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
 * A room's configuration (the muc#roomconfig axes). Immutable; change it through {@link #toBuilder()}.
 *
 * @param maxUsers 0 means no room-level limit (the service limit still applies)
 * @param presenceBroadcast roles whose presence is broadcast to other occupants
 * @param getMemberList roles that may retrieve the member list
 * @param settings the values of configuration fields that room modules add (by field
 *     {@code var}, in the order they were first set); the standard fields are the components
 *     above
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

    public RoomConfig {
        presenceBroadcast = Set.copyOf(presenceBroadcast);
        getMemberList = Set.copyOf(getMemberList);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        settings.forEach((var, values) -> copy.put(var, List.copyOf(values)));
        settings = Collections.unmodifiableMap(copy);
    }

    /** What a newly created room starts with: open, public, semi-anonymous, temporary. */
    public static RoomConfig defaults() {
        return new RoomConfig("", "", "", false, true, false, false, Optional.empty(), Whois.MODERATORS, 0,
                EnumSet.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR), PmPolicy.ANYONE, false, false,
                false, EnumSet.of(Role.MODERATOR), true, false, Map.of());
    }

    /** The values of a module's configuration field, or {@code defaults} if it was never set. */
    public List<String> setting(String var, List<String> defaults) {
        return settings.getOrDefault(var, defaults);
    }

    /** True if a password is required to enter. */
    public boolean passwordProtected() {
        return password.isPresent();
    }

    public boolean nonAnonymous() {
        return whois == Whois.ANYONE;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change builder. */
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

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder persistent(boolean v) {
            persistent = v;
            return this;
        }

        public Builder publicRoom(boolean v) {
            publicRoom = v;
            return this;
        }

        public Builder membersOnly(boolean v) {
            membersOnly = v;
            return this;
        }

        public Builder moderated(boolean v) {
            moderated = v;
            return this;
        }

        public Builder password(Optional<String> v) {
            password = v;
            return this;
        }

        public Builder whois(Whois v) {
            whois = v;
            return this;
        }

        public Builder maxUsers(int v) {
            maxUsers = v;
            return this;
        }

        public Builder presenceBroadcast(Set<Role> v) {
            presenceBroadcast = v;
            return this;
        }

        public Builder allowPm(PmPolicy v) {
            allowPm = v;
            return this;
        }

        public Builder allowInvites(boolean v) {
            allowInvites = v;
            return this;
        }

        public Builder changeSubject(boolean v) {
            changeSubject = v;
            return this;
        }

        public Builder enableLogging(boolean v) {
            enableLogging = v;
            return this;
        }

        public Builder getMemberList(Set<Role> v) {
            getMemberList = v;
            return this;
        }

        public Builder allowVoiceRequests(boolean v) {
            allowVoiceRequests = v;
            return this;
        }

        public Builder allowRegistration(boolean v) {
            allowRegistration = v;
            return this;
        }

        /** Sets the values of a module's configuration field. */
        public Builder setting(String var, List<String> values) {
            settings.put(var, List.copyOf(values));
            return this;
        }

        public RoomConfig build() {
            return new RoomConfig(name, description, language, persistent, publicRoom, membersOnly, moderated,
                    password, whois, maxUsers, presenceBroadcast, allowPm, allowInvites, changeSubject,
                    enableLogging, getMemberList, allowVoiceRequests, allowRegistration, settings);
        }
    }
}
