package dev.mucengine.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

class HomeServerTest {

    private static final String CLIENT = Stanza.CLIENT_NAMESPACE;

    private final List<Stanza> toEngine = new ArrayList<>();
    private final List<Stanza> engineReplies = new ArrayList<>();
    private final HomeServer server = server(true);

    private HomeServer server(boolean stamp) {
        return new HomeServer(new ServerConfig(Set.of(JidCreate.domainBareFromOrThrowUnchecked("localhost")),
                JidCreate.domainBareFromOrThrowUnchecked("conference.localhost"), stamp),
                (stanza, now) -> {
                    toEngine.add(stanza);
                    List<Stanza> out = List.copyOf(engineReplies);
                    engineReplies.clear();
                    return new Effects(out, List.of());
                }, new Transcript());
    }

    private static EntityFullJid jid(String full) {
        return JidCreate.entityFullFromOrThrowUnchecked(full);
    }

    private static Stanza stanza(ElementBuilder b) {
        return ((StanzaResult.Valid) Stanza.parse(b.build())).stanza();
    }

    private static ElementBuilder presence() {
        return Element.builder(CLIENT, "presence");
    }

    @Test
    void stampsTheSendersFullJidOverWhateverItClaims() {
        Session romeo = server.connect("Romeo", jid("romeo@localhost/a"));
        server.send(romeo, stanza(Element.builder(CLIENT, "message").attribute("from", "mallory@localhost/x")
                .attribute("to", "room@conference.localhost")));
        assertThat(toEngine.get(0).element().attribute("from")).contains("romeo@localhost/a");
    }

    @Test
    void stampsAvatarUpdateOnAvailablePresenceOnly() {
        Session romeo = server.connect("Romeo", jid("romeo@localhost/a"));
        server.send(romeo, stanza(presence().attribute("to", "room@conference.localhost/r")));
        server.send(romeo, stanza(presence().attribute("to", "room@conference.localhost/r").attribute("type", "unavailable")));
        assertThat(toEngine.get(0).element().child("vcard-temp:x:update", "x")).isPresent();
        assertThat(toEngine.get(1).element().child("vcard-temp:x:update", "x")).isEmpty();

        HomeServer plain = server(false);
        Session juliet = plain.connect("Juliet", jid("juliet@localhost/b"));
        plain.send(juliet, stanza(presence().attribute("to", "room@conference.localhost/j")));
        assertThat(toEngine.get(2).element().child("vcard-temp:x:update", "x")).isEmpty();
    }

    @Test
    void routesEngineOutputToTheAddressedSession() {
        Session romeo = server.connect("Romeo", jid("romeo@localhost/a"));
        Session juliet = server.connect("Juliet", jid("juliet@localhost/b"));
        engineReplies.add(stanza(Element.builder(CLIENT, "message").attribute("from", "room@conference.localhost/r")
                .attribute("to", "juliet@localhost/b")));
        server.send(romeo, stanza(Element.builder(CLIENT, "message").attribute("to", "room@conference.localhost")));
        assertThat(juliet.queue()).hasSize(1);
        assertThat(romeo.queue()).isEmpty();
    }

    @Test
    void reflectsInitialPresenceAndDeliversBareJidMessagesToAvailableResourcesOnly() {
        Session romeo = server.connect("Romeo", jid("romeo@localhost/a"));
        Session juliet = server.connect("Juliet", jid("juliet@localhost/b"));
        ElementBuilder message = Element.builder(CLIENT, "message").attribute("to", "juliet@localhost");
        server.send(romeo, stanza(message));
        assertThat(juliet.queue()).as("not available yet").isEmpty();
        server.send(juliet, stanza(presence()));
        assertThat(juliet.queue()).extracting(s -> s.element().localName()).containsExactly("presence");
        assertThat(romeo.queue()).as("no roster: others do not see it").isEmpty();
        juliet.queue().clear();
        server.send(romeo, stanza(message));
        assertThat(juliet.queue()).hasSize(1);
    }

    @Test
    void bouncesIqsToOfflineResourcesAndDropsOtherStanzas() {
        Session romeo = server.connect("Romeo", jid("romeo@localhost/a"));
        server.send(romeo, stanza(Element.builder(CLIENT, "iq").attribute("type", "get").attribute("id", "q1")
                .attribute("to", "juliet@localhost/gone").child(Element.empty("jabber:iq:version", "query"))));
        assertThat(romeo.queue()).hasSize(1);
        Element bounce = romeo.queue().peek().element();
        assertThat(bounce.attribute("type")).contains("error");
        assertThat(bounce.attribute("from")).contains("juliet@localhost/gone");
        assertThat(bounce.child(CLIENT, "error").flatMap(e -> e.child("urn:ietf:params:xml:ns:xmpp-stanzas",
                "service-unavailable"))).isPresent();
        romeo.queue().clear();
        server.send(romeo, stanza(Element.builder(CLIENT, "iq").attribute("type", "result").attribute("id", "q2")
                .attribute("to", "juliet@localhost/gone")));
        server.send(romeo, stanza(Element.builder(CLIENT, "message").attribute("to", "someone@elsewhere.example")));
        assertThat(romeo.queue()).isEmpty();
    }

    @Test
    void bouncesIqsFromTheEngineBackToTheEngine() {
        Session romeo = server.connect("Romeo", jid("romeo@localhost/a"));
        engineReplies.add(stanza(Element.builder(CLIENT, "iq").attribute("type", "get").attribute("id", "ping")
                .attribute("from", "room@conference.localhost/r").attribute("to", "juliet@localhost/gone")));
        server.send(romeo, stanza(presence().attribute("to", "room@conference.localhost/r")));
        assertThat(toEngine).hasSize(2);
        assertThat(toEngine.get(1).element().attribute("type")).contains("error");
        assertThat(toEngine.get(1).element().attribute("to")).contains("room@conference.localhost/r");
    }

    @Test
    void disconnectSendsUnavailableToRoomsStillJoined() {
        Session romeo = server.connect("Romeo", jid("romeo@localhost/a"));
        server.send(romeo, stanza(presence().attribute("to", "one@conference.localhost/r")));
        server.send(romeo, stanza(presence().attribute("to", "two@conference.localhost/r")));
        server.send(romeo, stanza(presence().attribute("to", "two@conference.localhost/r").attribute("type", "unavailable")));
        toEngine.clear();
        server.disconnect(romeo);
        assertThat(toEngine).hasSize(1);
        Element leave = toEngine.get(0).element();
        assertThat(leave.attribute("to")).contains("one@conference.localhost/r");
        assertThat(leave.attribute("type")).contains("unavailable");
        assertThat(leave.attribute("from")).contains("romeo@localhost/a");
        assertThat(server.session("Romeo")).isEmpty();
    }
}
