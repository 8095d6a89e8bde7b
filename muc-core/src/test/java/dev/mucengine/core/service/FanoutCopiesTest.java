package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.groupchat;
import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.jid;
import static dev.mucengine.core.service.ServiceFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The copies of one fan-out differ only in {@code to} and share their payload (the very same
 * children list), which is what lets a transport serialize a fan-out once (issue 12). In a
 * semi-anonymous room a presence has two payloads: with the real JID for moderators, without for
 * the others.
 */
class FanoutCopiesTest {

    private static final String ROOM = "garden@muc.example";
    private static final String OWNER = "romeo@example.net/orchard";
    private static final String[] GUESTS = {
        "juliet@example.net/desk", "nurse@example.net/home", "tybalt@example.net/street"};

    private ServiceFixture f;

    @BeforeEach
    void ownerAndThreeGuests() {
        f = new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example")),
                new InMemoryRoomStore());
        f.send(join(OWNER, ROOM + "/romeo"));
        f.send(instantRoom(OWNER, ROOM));
        for (int i = 0; i < GUESTS.length; i++) {
            f.send(join(GUESTS[i], ROOM + "/guest" + i));
        }
    }

    @Test
    void groupchatCopiesShareTheirPayload() {
        List<Stanza> out = f.send(groupchat(GUESTS[0], ROOM, "hello"));

        assertThat(out).hasSize(4);
        assertThat(out).allSatisfy(s -> assertThat(s.element().children()).isSameAs(out.get(0).element().children()));
    }

    @Test
    void aPresenceBroadcastHasOnePayloadPerViewOfRealJids() {
        List<Stanza> out = f.send(Presence.builder(PresenceType.AVAILABLE).from(jid(GUESTS[1]))
                .to(jid(ROOM + "/guest1")).textChild("show", "away").build());

        List<Stanza> others = out.stream().filter(s -> !s.to().orElseThrow().toString().equals(GUESTS[1])).toList();
        assertThat(others).hasSize(3);
        Map<Boolean, List<Stanza>> byView = others.stream().collect(Collectors.partitioningBy(
                FanoutCopiesTest::showsRealJid));
        assertThat(byView.get(true)).extracting(s -> s.to().orElseThrow().toString()).containsExactly(OWNER);
        assertThat(byView.get(false)).hasSize(2);
        List<Node> shared = byView.get(false).get(0).element().children();
        assertThat(byView.get(false)).allSatisfy(s -> assertThat(s.element().children()).isSameAs(shared));
    }

    private static boolean showsRealJid(Stanza presence) {
        Element x = presence.payload(MucNamespaces.MUC_USER, "x").orElseThrow();
        return x.child("item").orElseThrow().attribute("jid").isPresent();
    }
}
