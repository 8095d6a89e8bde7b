package dev.mucengine.core.muc;

import java.util.Optional;

/** Long-lived affiliations with a room (XEP-0045 §5.2). Rank is explicit: outcast -1 ... owner 3. */
public enum Affiliation {
    /** Owner (rank 3): configures and destroys the room, manages owners and admins (§10). */
    OWNER("owner", 3),
    /** Admin (rank 2): bans, manages members and moderators (§9). */
    ADMIN("admin", 2),
    /** Member (rank 1): may enter a members-only room (§7.2.6) and keep a reserved nickname. */
    MEMBER("member", 1),
    /** No affiliation (rank 0). */
    NONE("none", 0),
    /** Banned (rank -1): may not enter (§9.1). */
    OUTCAST("outcast", -1);

    private final String wireName;
    private final int rank;

    Affiliation(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    /**
     * The value of the {@code affiliation} attribute.
     *
     * @return {@code owner}, {@code admin}, {@code member}, {@code none} or {@code outcast}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The rank: owner 3, admin 2, member 1, none 0, outcast -1.
     *
     * @return the rank
     */
    public int rank() {
        return rank;
    }

    /**
     * Whether this affiliation ranks at or above {@code other}.
     *
     * @param other the affiliation to compare with
     * @return true if {@code rank() >= other.rank()}
     */
    public boolean atLeast(Affiliation other) {
        return rank >= other.rank;
    }

    /**
     * Owners and admins: they moderate, bypass max-users and may change lower affiliations.
     *
     * @return true for {@link #OWNER} and {@link #ADMIN}
     */
    public boolean isAdminOrOwner() {
        return this == OWNER || this == ADMIN;
    }

    /**
     * The role an occupant with this affiliation gets on entering (XEP-0045 §5.1.2).
     *
     * @param moderatedRoom whether the room is moderated (unaffiliated users then enter as visitors)
     * @return moderator for owners and admins, participant for members, participant or visitor for
     *     none, none for outcasts
     */
    public Role defaultRole(boolean moderatedRoom) {
        return switch (this) {
            case OWNER, ADMIN -> Role.MODERATOR;
            case MEMBER -> Role.PARTICIPANT;
            case NONE -> moderatedRoom ? Role.VISITOR : Role.PARTICIPANT;
            case OUTCAST -> Role.NONE;
        };
    }

    /**
     * The affiliation with this wire name.
     *
     * @param value an {@code affiliation} attribute's value, e.g. {@code member}
     * @return the affiliation, or empty for any other value
     */
    public static Optional<Affiliation> fromWire(String value) {
        for (Affiliation a : values()) {
            if (a.wireName.equals(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
