package dev.mucengine.core.room;

/** Who may discover occupants' real JIDs (muc#roomconfig_whois). */
public enum Whois {
    /** Semi-anonymous room: moderators only. */
    MODERATORS("moderators"),
    /** Non-anonymous room: every occupant. */
    ANYONE("anyone");

    private final String wireName;

    Whois(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The option's value in the configuration form.
     *
     * @return {@code moderators} or {@code anyone}
     */
    public String wireName() {
        return wireName;
    }
}
