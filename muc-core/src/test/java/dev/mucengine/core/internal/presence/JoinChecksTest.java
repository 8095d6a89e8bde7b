package dev.mucengine.core.internal.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.TestRooms;
import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.service.ArchivePolicy;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.store.InMemoryRoomStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** The checks on entering a room, engine and standard modules together, in their stages. */
class JoinChecksTest {

    private static final EntityFullJid USER = JidCreate.entityFullFromOrThrowUnchecked("u@example.com/r");
    private static final RoomContext CONTEXT = new RoomContext(Instant.EPOCH, IdSource.sequential("t"), Set.of(),
            Limits.DEFAULTS,
            ArchivePolicy.DEFAULTS, new InMemoryRoomStore());

    private static Room room(RoomConfig config) {
        return TestRooms.room(JidCreate.entityBareFromOrThrowUnchecked("r@muc.example"), config);
    }

    private static JoinRequest request(String nick, Affiliation privilege, Optional<String> password) {
        return new JoinRequest(USER, Resourcepart.fromOrThrowUnchecked(nick), privilege, password);
    }

    private static Optional<Condition> firstRefusal(Room room, JoinRequest request) {
        return JoinChecks.check(room, request, CONTEXT).map(StanzaError::condition);
    }

    @Test
    void anOpenRoomAdmitsAnyone() {
        assertThat(firstRefusal(room(RoomConfig.defaults()), request("n", Affiliation.NONE, Optional.empty()))).isEmpty();
    }

    @Test
    void eachRuleAnswersWithTheConditionTheXepNames() {
        Room locked = room(RoomConfig.defaults());
        locked.setLocked(true);
        assertThat(firstRefusal(locked, request("n", Affiliation.NONE, Optional.empty())))
                .contains(Condition.ITEM_NOT_FOUND);
        assertThat(firstRefusal(locked, request("n", Affiliation.OWNER, Optional.empty()))).isEmpty();

        assertThat(firstRefusal(room(RoomConfig.defaults()), request("n", Affiliation.OUTCAST, Optional.empty())))
                .contains(Condition.FORBIDDEN);

        Room membersOnly = room(RoomConfig.defaults().toBuilder().membersOnly(true).build());
        assertThat(firstRefusal(membersOnly, request("n", Affiliation.NONE, Optional.empty())))
                .contains(Condition.REGISTRATION_REQUIRED);
        assertThat(firstRefusal(membersOnly, request("n", Affiliation.MEMBER, Optional.empty()))).isEmpty();

        Room secret = room(RoomConfig.defaults().toBuilder().password(Optional.of("s3cret")).build());
        assertThat(firstRefusal(secret, request("n", Affiliation.NONE, Optional.empty())))
                .contains(Condition.NOT_AUTHORIZED);
        assertThat(firstRefusal(secret, request("n", Affiliation.NONE, Optional.of("wrong"))))
                .contains(Condition.NOT_AUTHORIZED);
        assertThat(firstRefusal(secret, request("n", Affiliation.NONE, Optional.of("s3cret")))).isEmpty();
    }

    @Test
    void nicknamesInUseOrReservedByOthersConflict() {
        Room room = room(RoomConfig.defaults());
        room.add(new Occupant(Resourcepart.fromOrThrowUnchecked("taken"),
                JidCreate.entityFullFromOrThrowUnchecked("other@example.com/x"), Role.PARTICIPANT,
                Presence.builder(PresenceType.AVAILABLE).build(), 0));
        room.setAffiliation(new AffiliationEntry(JidCreate.bareFromOrThrowUnchecked("owner@example.com"),
                Affiliation.MEMBER, Optional.of(Resourcepart.fromOrThrowUnchecked("reserved")), Optional.empty()));
        assertThat(firstRefusal(room, request("taken", Affiliation.NONE, Optional.empty()))).contains(Condition.CONFLICT);
        assertThat(firstRefusal(room, request("reserved", Affiliation.NONE, Optional.empty())))
                .contains(Condition.CONFLICT);
    }

    @Test
    void aFullRoomRefusesAllButAdminsAndOwners() {
        Room room = room(RoomConfig.defaults().toBuilder().maxUsers(1).build());
        room.add(new Occupant(Resourcepart.fromOrThrowUnchecked("first"),
                JidCreate.entityFullFromOrThrowUnchecked("first@example.com/x"), Role.PARTICIPANT,
                Presence.builder(PresenceType.AVAILABLE).build(), 0));
        assertThat(firstRefusal(room, request("n", Affiliation.MEMBER, Optional.empty())))
                .contains(Condition.SERVICE_UNAVAILABLE);
        assertThat(firstRefusal(room, request("n", Affiliation.ADMIN, Optional.empty()))).isEmpty();
    }

    @Test
    void aBannedUserIsToldSoEvenWhenTheRoomIsMembersOnly() {
        Room membersOnly = room(RoomConfig.defaults().toBuilder().membersOnly(true).build());
        assertThat(firstRefusal(membersOnly, request("n", Affiliation.OUTCAST, Optional.empty())))
                .contains(Condition.FORBIDDEN);
    }
}
