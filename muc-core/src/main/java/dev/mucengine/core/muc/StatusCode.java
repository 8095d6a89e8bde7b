package dev.mucengine.core.muc;

/** The {@code <status code='...'/>} values of XEP-0045 (§12; the registry, §16.6). */
public enum StatusCode {
    NON_ANONYMOUS(100),
    AFFILIATION_CHANGED(101),
    UNAVAILABLE_SHOWN(102),
    UNAVAILABLE_NOT_SHOWN(103),
    CONFIG_CHANGED(104),
    SELF_PRESENCE(110),
    LOGGING_ENABLED(170),
    LOGGING_DISABLED(171),
    NOW_NON_ANONYMOUS(172),
    NOW_SEMI_ANONYMOUS(173),
    NOW_FULLY_ANONYMOUS(174),
    ROOM_CREATED(201),
    NICK_ASSIGNED(210),
    BANNED(301),
    NEW_NICK(303),
    KICKED(307),
    REMOVED_AFFILIATION(321),
    REMOVED_MEMBERS_ONLY(322),
    REMOVED_SHUTDOWN(332),
    REMOVED_ERROR(333);

    private final int code;

    StatusCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return Integer.toString(code);
    }
}
