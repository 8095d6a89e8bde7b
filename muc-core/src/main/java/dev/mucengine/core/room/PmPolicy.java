package dev.mucengine.core.room;

/** Who may send private messages inside the room (muc#roomconfig_allowpm). */
public enum PmPolicy {
    ANYONE("anyone"),
    PARTICIPANTS("participants"),
    MODERATORS("moderators"),
    NONE("none");

    private final String wireName;

    PmPolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
