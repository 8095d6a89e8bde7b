package dev.mucengine.core.muc;

import java.util.Optional;

/** Occupant roles (XEP-0045 §5.1). Rank is explicit, not the declaration order. */
public enum Role {
    MODERATOR("moderator", 3),
    PARTICIPANT("participant", 2),
    VISITOR("visitor", 1),
    NONE("none", 0);

    private final String wireName;
    private final int rank;

    Role(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    public String wireName() {
        return wireName;
    }

    /** Moderator 3, participant 2, visitor 1, none 0. */
    public int rank() {
        return rank;
    }

    public boolean atLeast(Role other) {
        return rank >= other.rank;
    }

    /** True if this role may send groupchat messages (visitors may not, XEP-0045 §5.1.1). */
    public boolean hasVoice() {
        return this == MODERATOR || this == PARTICIPANT;
    }

    public static Optional<Role> fromWire(String value) {
        for (Role r : values()) {
            if (r.wireName.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
