package dev.mucengine.core.muc;

import java.util.Optional;

/** Occupant roles (XEP-0045 §5.1). Rank is explicit, not the declaration order. */
public enum Role {
    /** Moderator (rank 3): kicks, grants and revokes voice, changes the subject (§8). */
    MODERATOR("moderator", 3),
    /** Participant (rank 2): has voice. */
    PARTICIPANT("participant", 2),
    /** Visitor (rank 1): present, but without voice in a moderated room. */
    VISITOR("visitor", 1),
    /** No role (rank 0): not in the room; in a change, a kick. */
    NONE("none", 0);

    private final String wireName;
    private final int rank;

    Role(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    /**
     * The value of the {@code role} attribute.
     *
     * @return {@code moderator}, {@code participant}, {@code visitor} or {@code none}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Moderator 3, participant 2, visitor 1, none 0.
     *
     * @return the rank
     */
    public int rank() {
        return rank;
    }

    /**
     * Whether this role ranks at or above {@code other}.
     *
     * @param other the role to compare with
     * @return true if {@code rank() >= other.rank()}
     */
    public boolean atLeast(Role other) {
        return rank >= other.rank;
    }

    /**
     * True if this role may send groupchat messages (visitors may not, XEP-0045 §5.1.1).
     *
     * @return true for moderators and participants
     */
    public boolean hasVoice() {
        return this == MODERATOR || this == PARTICIPANT;
    }

    /**
     * The role with this wire name.
     *
     * @param value a {@code role} attribute's value, e.g. {@code visitor}
     * @return the role, or empty for any other value
     */
    public static Optional<Role> fromWire(String value) {
        for (Role r : values()) {
            if (r.wireName.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
