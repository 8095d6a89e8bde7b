package dev.mucengine.core.internal.room;

import dev.mucengine.core.room.Occupant;
import java.util.List;

/**
 * Which session of an occupant the others see, when one user is in the room from several clients
 * under one nickname (XEP-0045 §7.2.8 leaves presence handling to the implementation): the most
 * available one, by the {@code <show/>} values of RFC 6121 §4.7.2.1 ranked
 * {@code chat > (none) > away > xa > dnd}. dnd ranks last because it asks not to be disturbed:
 * a session that is merely away may still be reached, a dnd one should not be. Between equals
 * the session that entered first is shown, so that the shown presence does not flap.
 */
final class SessionAvailability {

    private SessionAvailability() {
    }

    /** The session to show; {@code sessions} is in entry order and not empty. */
    static Occupant shown(List<Occupant> sessions) {
        Occupant best = sessions.get(0);
        for (int i = 1; i < sessions.size(); i++) {
            Occupant candidate = sessions.get(i);
            if (rank(candidate) > rank(best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** Higher is more available. */
    static int rank(Occupant session) {
        return switch (session.presence().show().orElse("")) {
            case "chat" -> 4;
            case "" -> 3;
            case "away" -> 2;
            case "xa" -> 1;
            default -> 0; // dnd, and any value RFC 6121 does not define
        };
    }
}
