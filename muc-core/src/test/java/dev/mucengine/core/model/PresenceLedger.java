package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jxmpp.jid.Jid;

/**
 * What every session has been told about every room's occupants, from the presence the engine
 * sent it, and nothing else: per room and recipient, nickname to role and affiliation. After each
 * step the ledger must match the room's real occupants for every occupant, and be empty for
 * everyone else. Within a step, each recipient is told about each occupant JID at most once, a
 * nickname change's unavailable (303) comes before the available presence from the new nickname,
 * and an entering occupant's own presence (110) is the last presence it gets. Together: every
 * occupant is told of every presence change exactly once, and in order.
 */
final class PresenceLedger {

    /** What a recipient believes about one occupant. */
    record Seen(Role role, Affiliation affiliation) {
    }

    private final Map<String, Map<String, Map<String, Seen>>> views = new HashMap<>();

    /** Reads one step's outputs in order and checks the order rules within the step. */
    void record(List<Stanza> outputs) {
        Set<String> told = new HashSet<>();
        Set<String> pendingRenames = new HashSet<>();
        Set<String> entered = new HashSet<>();
        for (Stanza stanza : outputs) {
            if (!(stanza instanceof Presence presence) || presence.type() == PresenceType.ERROR) {
                continue;
            }
            Jid from = presence.from().orElseThrow();
            String recipient = presence.to().orElseThrow().toString();
            if (from.getResourceOrNull() == null) {
                continue;
            }
            String room = from.asBareJid().toString();
            String nick = from.getResourceOrThrow().toString();
            String about = room + " " + recipient;
            assertThat(entered).as("%s is told nothing of %s after its own entry presence", recipient, room)
                    .doesNotContain(about);
            assertThat(told.add(about + " " + nick))
                    .as("%s is told once about %s/%s in one step", recipient, room, nick).isTrue();
            OccupantNotice notice = OccupantNotice.of(presence);
            MucItem item = notice.item();
            Map<String, Seen> view = views.computeIfAbsent(room, r -> new HashMap<>())
                    .computeIfAbsent(recipient, r -> new LinkedHashMap<>());
            boolean self = notice.codes().contains(OccupantNotice.SELF);
            if (presence.type() == PresenceType.UNAVAILABLE) {
                if (notice.codes().contains(OccupantNotice.NEW_NICK)) {
                    assertThat(view).as("%s knew %s/%s before its rename", recipient, room, nick).containsKey(nick);
                    view.remove(nick);
                    pendingRenames.add(about + " " + item.nick().orElseThrow());
                } else if (self) {
                    view.clear(); // it left: what it knew of the room is void
                } else {
                    assertThat(view).as("%s knew %s/%s before its departure", recipient, room, nick)
                            .containsKey(nick);
                    view.remove(nick);
                }
            } else {
                if (self && view.isEmpty()) {
                    entered.add(about);
                }
                pendingRenames.remove(about + " " + nick);
                view.put(nick, new Seen(item.role().orElseThrow(), item.affiliation().orElseThrow()));
            }
        }
        assertThat(pendingRenames).as("every 303 is followed by the presence from the new nickname").isEmpty();
    }

    /** After a step: the occupants of {@code room} know exactly its occupants; nobody else knows anyone. */
    void assertMatches(String room, RoomState state) {
        Map<String, Seen> truth = new LinkedHashMap<>();
        for (RoomState.Occupant o : state.occupants()) {
            truth.put(o.nick(), new Seen(o.role(), o.affiliation()));
        }
        Map<String, Map<String, Seen>> byRecipient = views.getOrDefault(room, Map.of());
        for (RoomState.Occupant o : state.occupants()) {
            assertThat(byRecipient.getOrDefault(o.realJid(), Map.of()))
                    .as("what %s (%s) was told of %s", o.realJid(), o.nick(), room).isEqualTo(truth);
        }
        byRecipient.forEach((recipient, view) -> {
            if (state.occupantByRealJid(recipient).isEmpty()) {
                assertThat(view).as("%s is not in %s: it was told it left", recipient, room).isEmpty();
            }
        });
    }
}
