package dev.mucengine.core.room;

/** Who may send private messages inside the room (muc#roomconfig_allowpm). */
public enum PmPolicy {
    /** Every occupant, visitors included. */
    ANYONE("anyone"),
    /** Occupants with voice: participants and moderators. */
    PARTICIPANTS("participants"),
    /** Moderators only. */
    MODERATORS("moderators"),
    /** Nobody. */
    NONE("none");

    private final String wireName;

    PmPolicy(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The option's value in the configuration form.
     *
     * @return {@code anyone}, {@code participants}, {@code moderators} or {@code none}
     */
    public String wireName() {
        return wireName;
    }
}
