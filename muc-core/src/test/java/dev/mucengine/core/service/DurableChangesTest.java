package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.field;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.leave;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What {@code handle} reports as durable: nothing for temporary rooms, the whole record when a
 * room becomes persistent, each change while it is, a removal when it stops being stored.
 */
class DurableChangesTest {

    private static final String ROOM = "council@muc.example";
    private static final String OWNER = "owner@example.net/desk";

    private final ServiceFixture f = new ServiceFixture(
            ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")), new InMemoryRoomStore());

    private static List<Class<?>> kinds(Effects effects) {
        return effects.changes().stream().<Class<?>>map(Object::getClass).toList();
    }

    private Effects configure(Element... fields) {
        return f.handle(ownerSet(OWNER, ROOM, configSubmit(fields)));
    }

    private Effects member(String jid) {
        return f.handle(iq(OWNER, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_ADMIN, "query")
                .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("affiliation", "member")
                        .attribute("jid", jid).build()).build()));
    }

    @Test
    void aTemporaryRoomChangesNothingDurable() {
        // The first stanza a service handles carries the creation of its secret, nothing else.
        assertThat(kinds(f.handle(join(OWNER, ROOM + "/owner"))))
                .containsExactly(DurableChange.ServiceSecretCreated.class);
        assertThat(configure(field("muc#roomconfig_roomname", "Temporary")).changes()).isEmpty();
        assertThat(member("member@example.net").changes()).isEmpty();
        assertThat(f.handle(leave(OWNER, ROOM + "/owner")).changes()).isEmpty();
    }

    @Test
    void becomingPersistentStoresTheWholeRoomWithItsCreator() {
        f.handle(join(OWNER, ROOM + "/owner"));
        member("member@example.net");
        Effects effects = configure(field("muc#roomconfig_persistentroom", "1"),
                field("muc#roomconfig_roomname", "The Council"));
        assertThat(effects.changes()).singleElement().isInstanceOfSatisfying(DurableChange.RoomStored.class, s -> {
            assertThat(s.record().config().name()).isEqualTo("The Council");
            assertThat(s.record().affiliations()).extracting(e -> e.jid().toString() + "=" + e.affiliation())
                    .containsExactly("owner@example.net=" + Affiliation.OWNER, "member@example.net=" + Affiliation.MEMBER);
            assertThat(s.record().creator()).contains(JidCreate.bareFromOrThrowUnchecked("owner@example.net"));
        });
        assertThat(effects.stanzas()).isNotEmpty();
    }

    @Test
    void aStoredRoomReportsEachChange() {
        f.handle(join(OWNER, ROOM + "/owner"));
        configure(field("muc#roomconfig_persistentroom", "1"));

        assertThat(kinds(member("member@example.net"))).containsExactly(DurableChange.AffiliationChanged.class);
        assertThat(kinds(configure(field("muc#roomconfig_roomdesc", "Budget")))).containsExactly(
                DurableChange.ConfigChanged.class);
        Effects subject = f.handle(Message.builder(MessageType.GROUPCHAT).from(jid(OWNER)).to(jid(ROOM))
                .textChild("subject", "Agenda").build());
        assertThat(kinds(subject)).as("the subject, and the archive's copy of the change (XEP-0313 §5.1.2)")
                .containsExactly(DurableChange.SubjectChanged.class, DurableChange.MessageArchived.class,
                        DurableChange.ArchiveTrimmed.class);
        assertThat(((DurableChange.SubjectChanged) subject.changes().get(0)).subject().flatMap(Message::subject))
                .contains("Agenda");
        assertThat(configure(field("muc#roomconfig_roomdesc", "Budget")).changes())
                .as("submitting the same configuration changes nothing").isEmpty();
        assertThat(f.handle(leave(OWNER, ROOM + "/owner")).changes()).as("occupants are not durable").isEmpty();
    }

    @Test
    void destroyingOrMakingTemporaryRemovesTheStoredRoom() {
        f.handle(join(OWNER, ROOM + "/owner"));
        configure(field("muc#roomconfig_persistentroom", "1"));
        assertThat(kinds(configure(field("muc#roomconfig_persistentroom", "0"))))
                .containsExactly(DurableChange.RoomRemoved.class);
        assertThat(kinds(configure(field("muc#roomconfig_persistentroom", "1"))))
                .containsExactly(DurableChange.RoomStored.class);
        Effects destroyed = f.handle(ownerSet(OWNER, ROOM, Element.empty(MucNamespaces.MUC_OWNER, "destroy")));
        assertThat(kinds(destroyed)).containsExactly(DurableChange.RoomRemoved.class);
    }

    @Test
    void aRoomPersistentByDefaultIsStoredWhenCreated() {
        ServiceFixture persistent = new ServiceFixture(
                ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"))
                        .withRoomDefaults(RoomConfig.defaults().toBuilder().persistent(true)
                                .build()), new InMemoryRoomStore());
        assertThat(kinds(persistent.handle(join(OWNER, ROOM + "/owner"))))
                .containsExactly(DurableChange.ServiceSecretCreated.class, DurableChange.RoomStored.class);
    }
}
