package dev.mucengine.core.muc;

import java.util.Optional;

/** Long-lived affiliations with a room (XEP-0045 §5.2). Rank is explicit: outcast -1 ... owner 3. */
public enum Affiliation {
    OWNER("owner", 3),
    ADMIN("admin", 2),
    MEMBER("member", 1),
    NONE("none", 0),
    OUTCAST("outcast", -1);

    private final String wireName;
    private final int rank;

    Affiliation(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    public String wireName() {
        return wireName;
    }

    public int rank() {
        return rank;
    }

    public boolean atLeast(Affiliation other) {
        return rank >= other.rank;
    }

    /** Owners and admins: they moderate, bypass max-users and may change lower affiliations. */
    public boolean isAdminOrOwner() {
        return this == OWNER || this == ADMIN;
    }

    /** The role an occupant with this affiliation gets on entering (XEP-0045 §5.1.2). */
    public Role defaultRole(boolean moderatedRoom) {
        return switch (this) {
            case OWNER, ADMIN -> Role.MODERATOR;
            case MEMBER -> Role.PARTICIPANT;
            case NONE -> moderatedRoom ? Role.VISITOR : Role.PARTICIPANT;
            case OUTCAST -> Role.NONE;
        };
    }

    public static Optional<Affiliation> fromWire(String value) {
        for (Affiliation a : values()) {
            if (a.wireName.equals(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
