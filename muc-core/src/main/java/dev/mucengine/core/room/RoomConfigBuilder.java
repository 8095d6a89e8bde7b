package dev.mucengine.core.room;

import dev.mucengine.core.muc.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copy-and-change builder, from {@link RoomConfig#toBuilder()}. Each setter sets the component of
 * the same name; {@link #build()} may be called more than once.
 */
public final class RoomConfigBuilder {
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

    RoomConfigBuilder(RoomConfig c) {
        name = c.name();
        description = c.description();
        language = c.language();
        persistent = c.persistent();
        publicRoom = c.publicRoom();
        membersOnly = c.membersOnly();
        moderated = c.moderated();
        password = c.password();
        whois = c.whois();
        maxUsers = c.maxUsers();
        presenceBroadcast = c.presenceBroadcast();
        allowPm = c.allowPm();
        allowInvites = c.allowInvites();
        changeSubject = c.changeSubject();
        enableLogging = c.enableLogging();
        getMemberList = c.getMemberList();
        allowVoiceRequests = c.allowVoiceRequests();
        allowRegistration = c.allowRegistration();
        settings = new LinkedHashMap<>(c.settings());
    }

    /**
     * Sets the room's name.
     *
     * @param v the name; empty for none
     * @return this builder
     */
    public RoomConfigBuilder name(String v) {
        name = v;
        return this;
    }

    /**
     * Sets the room's description.
     *
     * @param v the description; empty for none
     * @return this builder
     */
    public RoomConfigBuilder description(String v) {
        description = v;
        return this;
    }

    /**
     * Sets the language of discussions.
     *
     * @param v a language tag; empty for none
     * @return this builder
     */
    public RoomConfigBuilder language(String v) {
        language = v;
        return this;
    }

    /**
     * Sets whether the room is persistent.
     *
     * @param v true to store the room
     * @return this builder
     */
    public RoomConfigBuilder persistent(boolean v) {
        persistent = v;
        return this;
    }

    /**
     * Sets whether the room is listed.
     *
     * @param v true to list it in disco#items
     * @return this builder
     */
    public RoomConfigBuilder publicRoom(boolean v) {
        publicRoom = v;
        return this;
    }

    /**
     * Sets whether the room is members-only.
     *
     * @param v true to admit members, admins and owners only
     * @return this builder
     */
    public RoomConfigBuilder membersOnly(boolean v) {
        membersOnly = v;
        return this;
    }

    /**
     * Sets whether the room is moderated.
     *
     * @param v true to make unaffiliated occupants visitors
     * @return this builder
     */
    public RoomConfigBuilder moderated(boolean v) {
        moderated = v;
        return this;
    }

    /**
     * Sets the password.
     *
     * @param v the password to enter; empty for none
     * @return this builder
     */
    public RoomConfigBuilder password(Optional<String> v) {
        password = v;
        return this;
    }

    /**
     * Sets who may discover real JIDs.
     *
     * @param v moderators or anyone
     * @return this builder
     */
    public RoomConfigBuilder whois(Whois v) {
        whois = v;
        return this;
    }

    /**
     * Sets the room's maximum of occupants.
     *
     * @param v the maximum; 0 for none
     * @return this builder
     */
    public RoomConfigBuilder maxUsers(int v) {
        maxUsers = v;
        return this;
    }

    /**
     * Sets the roles whose presence is broadcast.
     *
     * @param v the roles; {@link Role#NONE} shows offline members
     * @return this builder
     */
    public RoomConfigBuilder presenceBroadcast(Set<Role> v) {
        presenceBroadcast = v;
        return this;
    }

    /**
     * Sets who may send private messages.
     *
     * @param v the policy
     * @return this builder
     */
    public RoomConfigBuilder allowPm(PmPolicy v) {
        allowPm = v;
        return this;
    }

    /**
     * Sets whether every occupant may invite to a members-only room.
     *
     * @param v true to let every occupant invite
     * @return this builder
     */
    public RoomConfigBuilder allowInvites(boolean v) {
        allowInvites = v;
        return this;
    }

    /**
     * Sets whether occupants with voice may change the subject.
     *
     * @param v true to let them
     * @return this builder
     */
    public RoomConfigBuilder changeSubject(boolean v) {
        changeSubject = v;
        return this;
    }

    /**
     * Sets whether the room is publicly logged.
     *
     * @param v true if it is
     * @return this builder
     */
    public RoomConfigBuilder enableLogging(boolean v) {
        enableLogging = v;
        return this;
    }

    /**
     * Sets the roles that may retrieve the member list.
     *
     * @param v the roles
     * @return this builder
     */
    public RoomConfigBuilder getMemberList(Set<Role> v) {
        getMemberList = v;
        return this;
    }

    /**
     * Sets whether visitors may request voice.
     *
     * @param v true to let them
     * @return this builder
     */
    public RoomConfigBuilder allowVoiceRequests(boolean v) {
        allowVoiceRequests = v;
        return this;
    }

    /**
     * Sets whether unaffiliated users may register.
     *
     * @param v true to let them
     * @return this builder
     */
    public RoomConfigBuilder allowRegistration(boolean v) {
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
    public RoomConfigBuilder setting(String var, List<String> values) {
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
