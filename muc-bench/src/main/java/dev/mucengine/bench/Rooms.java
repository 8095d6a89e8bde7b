package dev.mucengine.bench;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Rooms set up as the benchmarks need them: a service in memory and users who entered. */
final class Rooms {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final String ROOM = "bench@conference.localhost";

    private Rooms() {
    }

    /** A service with one unlocked temporary room that {@code occupants} users entered. */
    static MucService roomWith(int occupants) {
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked(
                "conference.localhost")), new InMemoryRoomStore(), IdSource.sequential("b-"));
        service.handle(join(0), NOW);
        service.handle(Iq.builder(IqType.SET).from(user(0)).to(jid(ROOM)).id("cfg")
                .child(Element.builder("http://jabber.org/protocol/muc#owner", "query")
                        .child(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit").build())
                        .build())
                .build(), NOW);
        for (int i = 1; i < occupants; i++) {
            service.handle(join(i), NOW);
        }
        return service;
    }

    /** User {@code i} enters as {@code u<i>}, asking for no history. */
    static Presence join(int i) {
        return Presence.builder(PresenceType.AVAILABLE).from(user(i)).to(jid(ROOM + "/u" + i))
                .child(Element.builder("http://jabber.org/protocol/muc", "x")
                        .child(Element.builder("http://jabber.org/protocol/muc", "history")
                                .attribute("maxstanzas", "0").build())
                        .build())
                .build();
    }

    static Presence leave(int i) {
        return Presence.builder(PresenceType.UNAVAILABLE).from(user(i)).to(jid(ROOM + "/u" + i)).build();
    }

    /** User {@code i}, in the room as {@code u<i>}, changes its availability and status text. */
    static Presence status(int i, String show, String status) {
        return Presence.builder(PresenceType.AVAILABLE).from(user(i)).to(jid(ROOM + "/u" + i))
                .textChild("show", show).textChild("status", status).build();
    }

    static Message groupchat(int from, String body) {
        return Message.builder(MessageType.GROUPCHAT).from(user(from)).to(jid(ROOM)).id("m")
                .textChild("body", body).build();
    }

    static Jid user(int i) {
        return jid("user" + i + "@localhost/res");
    }

    private static Jid jid(String s) {
        return JidCreate.fromOrThrowUnchecked(s);
    }
}
