package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.field;
import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Whether new rooms archive is the service's choice (its room defaults), each room's owner's
 * after that (muc#roomconfig_enablearchiving).
 */
class ArchiveDefaultsTest {

    private static final String ROOM = "council@muc.example";
    private static final String OWNER = "owner@example.net/desk";

    private static ServiceFixture service(RoomConfig defaults) {
        return new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"))
                .withRoomDefaults(defaults), new InMemoryRoomStore());
    }

    private static boolean archived(Effects effects) {
        return effects.changes().stream().anyMatch(DurableChange.MessageArchived.class::isInstance);
    }

    private static boolean stamped(Effects effects) {
        return effects.stanzas().stream().anyMatch(s -> s.element().elements().stream()
                .anyMatch((Element e) -> e.is(XmppNamespaces.STANZA_ID, "stanza-id")));
    }

    @Test
    void persistentRoomsArchiveUnlessTheServiceSaysOtherwise() {
        ServiceFixture f = service(RoomConfig.defaults().toBuilder().persistent(true).build());
        f.handle(join(OWNER, ROOM + "/owner"));
        f.handle(ownerSet(OWNER, ROOM, configSubmit()));

        Effects said = f.handle(groupchat(OWNER, ROOM, "kept"));

        assertThat(archived(said)).isTrue();
        assertThat(stamped(said)).isTrue();
    }

    @Test
    void aServiceMayStartRoomsWithoutArchivingAndAnOwnerTurnItOn() {
        ServiceFixture f = service(RoomConfig.defaults().toBuilder().persistent(true)
                .setting("muc#roomconfig_enablearchiving", List.of("0")).build());
        f.handle(join(OWNER, ROOM + "/owner"));
        f.handle(ownerSet(OWNER, ROOM, configSubmit()));

        Effects unarchived = f.handle(groupchat(OWNER, ROOM, "not kept"));
        assertThat(archived(unarchived)).isFalse();
        assertThat(stamped(unarchived)).as("no stanza id where nothing is archived").isFalse();

        f.handle(ownerSet(OWNER, ROOM, configSubmit(field("muc#roomconfig_enablearchiving", "1"))));
        assertThat(archived(f.handle(groupchat(OWNER, ROOM, "kept")))).isTrue();
    }
}
