package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Nicknames;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The reference model of entering a room (XEP-0045 §7.2), from the room's state before the
 * attempt: whether the user gets in, with which role (its affiliation's default, given whether
 * the room is moderated), or which condition refuses it, in the engine's documented order
 * (architecture.md: the nickname's validity, then access: locked, banned, members-only, password;
 * then the nickname's conflict, unless it is the same user's occupant, which the session joins;
 * then capacity, for a new occupant only).
 */
final class JoinPrediction {

    /** What entering leads to. */
    sealed interface Outcome {
    }

    /** In, with this role; the room was created by this entry. */
    record Entered(Role role, boolean created) implements Outcome {
    }

    /** Refused with this condition. */
    record Refused(Condition condition) implements Outcome {
    }

    private JoinPrediction() {
    }

    /** The outcome of {@code action}, if it is an attempt to enter by a session that is not in the room. */
    static Optional<Outcome> predict(Action action, Stanza stanza, RoomState before, boolean locked) {
        boolean join = action instanceof Action.Join;
        if (!join && !(action instanceof Action.Nick) || before.occupantByRealJid(action.user()).isPresent()) {
            // Not an attempt to enter, or a session already in: nickname changes and resyncs are the ledger's.
            return Optional.empty();
        }
        Resourcepart raw = stanza.to().orElseThrow().getResourceOrNull();
        Checked<Resourcepart> nick = Nicknames.prepare(raw.toString(), Limits.DEFAULTS.maxNickLength());
        if (nick.refusal().isPresent()) {
            return Optional.of(new Refused(nick.refusal().get().condition()));
        }
        if (!before.exists()) {
            return Optional.of(new Entered(Role.MODERATOR, true));
        }
        Affiliation affiliation = before.affiliationOf(action.user());
        RoomState.Config config = before.config();
        Optional<String> password = join ? ((Action.Join) action).password() : Optional.empty();
        String prepared = nick.value().toString();
        Optional<RoomState.Occupant> holder = before.occupantByNick(prepared);
        Optional<Condition> refusal = Optional.empty();
        if (locked && affiliation != Affiliation.OWNER) {
            refusal = Optional.of(Condition.ITEM_NOT_FOUND);
        } else if (affiliation == Affiliation.OUTCAST) {
            refusal = Optional.of(Condition.FORBIDDEN);
        } else if (config.membersOnly() && !affiliation.atLeast(Affiliation.MEMBER)) {
            refusal = Optional.of(Condition.REGISTRATION_REQUIRED);
        } else if (config.password().isPresent() && !config.password().equals(password)) {
            refusal = Optional.of(Condition.NOT_AUTHORIZED);
        } else if (holder.isPresent() && !sameUser(holder.get().realJid(), action.user())) {
            refusal = Optional.of(Condition.CONFLICT);
        } else if (holder.isEmpty() && config.maxUsers() > 0 && before.occupantCount() >= config.maxUsers()
                && !affiliation.isAdminOrOwner()) {
            // Another session of an occupant (§7.2.8) adds no occupant: the limit does not apply.
            refusal = Optional.of(Condition.SERVICE_UNAVAILABLE);
        }
        // Another session joins the occupant with the occupant's role.
        Role role = holder.map(RoomState.Occupant::role).orElse(affiliation.defaultRole(config.moderated()));
        return Optional.of(refusal.<Outcome>map(Refused::new).orElseGet(() -> new Entered(role, false)));
    }

    private static boolean sameUser(String a, String b) {
        return a.substring(0, a.indexOf('/')).equals(b.substring(0, b.indexOf('/')));
    }

    /** Checks what the engine sent the user against the prediction. */
    static void assertOutcome(Outcome expected, Action action, List<Stanza> outputs) {
        Optional<Outcome> actual = Optional.empty();
        for (Stanza s : outputs) {
            if (!(s instanceof Presence p) || !p.to().map(Object::toString).orElse("").equals(action.user())) {
                continue;
            }
            if (p.type() == PresenceType.ERROR) {
                actual = Optional.of(new Refused(p.error().orElseThrow().condition()));
            } else if (p.type() == PresenceType.AVAILABLE) {
                OccupantNotice notice = OccupantNotice.of(p);
                if (notice.codes().contains(OccupantNotice.SELF)) {
                    actual = Optional.of(new Entered(notice.item().role().orElseThrow(),
                            notice.codes().contains(OccupantNotice.CREATED)));
                }
            }
        }
        assertThat(actual).as("the outcome of entering").contains(expected);
    }
}
