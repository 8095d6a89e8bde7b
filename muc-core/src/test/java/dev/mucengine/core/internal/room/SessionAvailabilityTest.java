package dev.mucengine.core.internal.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** The session others see: chat > (none) > away > xa > dnd, the first entered between equals. */
class SessionAvailabilityTest {

    private static Occupant session(String resource, String show) {
        var presence = Presence.builder(PresenceType.AVAILABLE);
        if (!show.isEmpty()) {
            presence.textChild("show", show);
        }
        return new Occupant(Resourcepart.fromOrThrowUnchecked("juliet"),
                JidCreate.entityFullFromOrThrowUnchecked("juliet@example.net/" + resource), Role.PARTICIPANT,
                presence.build(), 1);
    }

    @Test
    void ranksShowValuesFromChatToDnd() {
        List<String> order = List.of("chat", "", "away", "xa", "dnd");
        for (int i = 0; i + 1 < order.size(); i++) {
            Occupant better = session("a", order.get(i));
            Occupant worse = session("b", order.get(i + 1));
            assertThat(SessionAvailability.shown(List.of(worse, better))).as("%s over %s", order.get(i),
                    order.get(i + 1)).isEqualTo(better);
        }
    }

    @Test
    void theFirstEnteredIsShownBetweenEquals() {
        Occupant first = session("a", "away");
        Occupant second = session("b", "away");
        assertThat(SessionAvailability.shown(List.of(first, second))).isEqualTo(first);
    }
}
