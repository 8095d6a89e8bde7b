package dev.mucengine.core.internal.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.xml.Element;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** What a room keeps of an occupant's presence: what it re-broadcasts, one instance for equal ones. */
class KeptPresencesTest {

    @Test
    void aRoomKeepsThePayloadItReBroadcastsNotTheAddressesIdOrJoinElement() {
        Room room = TestRooms.room(JidCreate.entityBareFromOrThrowUnchecked("room@muc.example.org"),
                RoomConfig.defaults());
        Presence join = join("juliet", "one");

        Occupant kept = room.add(new Occupant(Resourcepart.fromOrThrowUnchecked("juliet"), realJid("juliet"),
                Role.PARTICIPANT, join, 0));

        assertThat(kept.presence().from()).isEmpty();
        assertThat(kept.presence().to()).isEmpty();
        assertThat(kept.presence().id()).isEmpty();
        assertThat(kept.presence().show()).contains("away");
        assertThat(OccupantPresence.payloadOf(kept.presence())).isEqualTo(OccupantPresence.payloadOf(join));
    }

    @Test
    void equalPresencesInTwoRoomsAreOneInstance() {
        Room first = TestRooms.room(JidCreate.entityBareFromOrThrowUnchecked("first@muc.example.org"),
                RoomConfig.defaults());
        Room second = TestRooms.room(JidCreate.entityBareFromOrThrowUnchecked("second@muc.example.org"),
                RoomConfig.defaults());

        Occupant juliet = first.add(new Occupant(Resourcepart.fromOrThrowUnchecked("juliet"), realJid("juliet"),
                Role.PARTICIPANT, join("juliet", "one"), 0));
        Occupant romeo = second.add(new Occupant(Resourcepart.fromOrThrowUnchecked("romeo"), realJid("romeo"),
                Role.PARTICIPANT, join("romeo", "two"), 0));

        assertThat(romeo.presence()).isSameAs(juliet.presence());
    }

    private static Presence join(String user, String id) {
        return Presence.builder(PresenceType.AVAILABLE).from(realJid(user))
                .to(JidCreate.fromOrThrowUnchecked("room@muc.example.org/" + user)).id(id)
                .child(Element.builder("http://jabber.org/protocol/muc", "x").build())
                .textChild("show", "away")
                .child(Element.builder("http://jabber.org/protocol/caps", "c").attribute("hash", "sha-1")
                        .attribute("node", "https://example.org").attribute("ver", "abc=").build()) // a copy each
                .build();
    }

    private static EntityFullJid realJid(String user) {
        return JidCreate.entityFullFromOrThrowUnchecked(user + "@example.org/balcony");
    }
}
