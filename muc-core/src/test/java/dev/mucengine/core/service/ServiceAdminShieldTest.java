package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Room owners cannot ban, kick or demote the service's administrators; another administrator can. */
class ServiceAdminShieldTest {

    private static final String ROOM = "den@muc.example";
    private static final String OWNER = "owner@example.net/desk";
    private static final String ADMIN = "admin@example.net/laptop";
    private static final String OTHER_ADMIN = "root@example.net/console";

    private ServiceFixture f;

    @BeforeEach
    void anOwnersRoomWithTheServiceAdministratorInIt() {
        f = new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"))
                .withAdmins(Set.of(JidCreate.bareFromOrThrowUnchecked("admin@example.net"),
                        JidCreate.bareFromOrThrowUnchecked("root@example.net"))),
                new InMemoryRoomStore());
        f.send(join(OWNER, ROOM + "/owner"));
        f.send(iq(OWNER, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_OWNER, "query")
                .child(Element.builder("jabber:x:data", "x").attribute("type", "submit").build()).build()));
        f.send(join(ADMIN, ROOM + "/admin"));
    }

    private List<Stanza> admin(String actor, String attribute, String value, String targetAttribute,
            String target) {
        return f.send(iq(actor, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_ADMIN, "query")
                .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute(attribute, value)
                        .attribute(targetAttribute, target).build()).build()));
    }

    private static Condition refusal(List<Stanza> out) {
        assertThat(out).hasSize(1);
        return out.get(0).error().orElseThrow().condition();
    }

    @Test
    void anOwnerCannotKickAServiceAdministrator() {
        assertThat(refusal(admin(OWNER, "role", "none", "nick", "admin"))).isEqualTo(Condition.NOT_ALLOWED);
    }

    @Test
    void anOwnerCannotBanAServiceAdministrator() {
        assertThat(refusal(admin(OWNER, "affiliation", "outcast", "jid", "admin@example.net")))
                .isEqualTo(Condition.NOT_ALLOWED);
    }

    @Test
    void anOwnerCannotDemoteAServiceAdministratorButMayPromoteOne() {
        assertThat(admin(OWNER, "affiliation", "admin", "jid", "admin@example.net")).noneMatch(Stanza::isError);

        assertThat(refusal(admin(OWNER, "affiliation", "none", "jid", "admin@example.net")))
                .isEqualTo(Condition.NOT_ALLOWED);
        assertThat(refusal(admin(OWNER, "affiliation", "member", "jid", "admin@example.net")))
                .isEqualTo(Condition.NOT_ALLOWED);
    }

    @Test
    void anotherServiceAdministratorMayKickOne() {
        List<Stanza> out = admin(OTHER_ADMIN, "role", "none", "nick", "admin");

        assertThat(out).noneMatch(Stanza::isError);
        assertThat(out.get(out.size() - 1).element().attribute("type")).contains("result");
    }
}
