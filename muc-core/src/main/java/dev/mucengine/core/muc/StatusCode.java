package dev.mucengine.core.muc;

/**
 * The {@code <status code='...'/>} values of XEP-0045 (§12; the registry, §16.6). The engine emits
 * most of them; the constants it never emits say so. Sets of codes iterate in ascending order of
 * code, the order they are written in.
 */
public enum StatusCode {
    /** 100: in the entering occupant's own presence, every occupant may see its real JID (§7.2.3). */
    NON_ANONYMOUS(100),
    /**
     * 101: the user's affiliation changed while it was not in the room. Not emitted by the engine, which tells
     * occupants who may see real JIDs instead (§9.3).
     */
    AFFILIATION_CHANGED(101),
    /** 102: the room now shows unavailable members. Not emitted by the engine. */
    UNAVAILABLE_SHOWN(102),
    /** 103: the room no longer shows unavailable members. Not emitted by the engine. */
    UNAVAILABLE_NOT_SHOWN(103),
    /**
     * 104: the room's configuration changed; the engine sends it on every change, with 170-173 when they apply
     * (§10.2.1).
     */
    CONFIG_CHANGED(104),
    /** 110: the presence is about the recipient itself; written last in {@code <x/>}. */
    SELF_PRESENCE(110),
    /** 170: the room is publicly logged (on entering, §7.2.12, and on a configuration change). */
    LOGGING_ENABLED(170),
    /** 171: the room is no longer publicly logged (§10.2.1). */
    LOGGING_DISABLED(171),
    /** 172: the room is now non-anonymous (§10.2.1). */
    NOW_NON_ANONYMOUS(172),
    /** 173: the room is now semi-anonymous (§10.2.1). */
    NOW_SEMI_ANONYMOUS(173),
    /** 174: the room is now fully anonymous. Not emitted by the engine, which has no fully anonymous rooms. */
    NOW_FULLY_ANONYMOUS(174),
    /** 201: the room was created by this presence (§10.1). */
    ROOM_CREATED(201),
    /**
     * 210: the service assigned or changed the occupant's nickname. Not emitted by the engine, which never changes a
     * requested nickname.
     */
    NICK_ASSIGNED(210),
    /** 301: the user was banned (§9.1). */
    BANNED(301),
    /** 303: the occupant changed its nickname; the item carries the new one (§7.6). */
    NEW_NICK(303),
    /** 307: the occupant was kicked (§8.2), or lost its nickname to a user who reserved it. */
    KICKED(307),
    /** 321: the occupant was removed because of an affiliation change (§9.4). */
    REMOVED_AFFILIATION(321),
    /** 322: the occupant was removed because the room became members-only (§10.2). */
    REMOVED_MEMBERS_ONLY(322),
    /** 332: the occupant was removed because the service is shutting down (§11.2). */
    REMOVED_SHUTDOWN(332),
    /** 333: the occupant was removed because its client answered with an error (§11.1). */
    REMOVED_ERROR(333);

    private final int code;

    StatusCode(int code) {
        this.code = code;
    }

    /**
     * The numeric code.
     *
     * @return the code, e.g. 110
     */
    public int code() {
        return code;
    }

    /**
     * The value of the {@code code} attribute.
     *
     * @return the code in decimal, e.g. {@code 110}
     */
    public String wireName() {
        return Integer.toString(code);
    }
}
