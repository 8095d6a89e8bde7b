package dev.mucengine.core.service;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.time.Instant;
import java.util.List;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Builds stanzas and drives a service, so engine tests read like conversations. */
final class ServiceFixture {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final MucService service;
    Instant now = T0;

    private final RoomStore store;

    ServiceFixture(ServiceConfig config, RoomStore store) {
        this.store = store;
        this.service = new MucService(config, store, IdSource.sequential("e"));
    }

    static Jid jid(String s) {
        return JidCreate.fromOrThrowUnchecked(s);
    }

    /** Handles {@code s} as a host does: the durable changes are stored, the stanzas returned. */
    List<Stanza> send(Stanza s) {
        return handle(s).stanzas();
    }

    /** As {@link #send}, returning the whole effects. */
    Effects handle(Stanza s) {
        Effects effects = service.handle(s, now);
        store.apply(effects.changes());
        return effects;
    }

    static Element field(String var, String... values) {
        ElementBuilder f = Element.builder(XmppNamespaces.DATA, "field").attribute("var", var);
        for (String v : values) {
            f.textChild(XmppNamespaces.DATA, "value", v);
        }
        return f.build();
    }

    /** A muc#roomconfig submission with these fields. */
    static Element configSubmit(Element... fields) {
        ElementBuilder x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(field("FORM_TYPE", MucNamespaces.MUC_ROOMCONFIG));
        for (Element f : fields) {
            x.child(f);
        }
        return x.build();
    }

    static Presence join(String user, String occupantJid) {
        return Presence.builder(PresenceType.AVAILABLE).from(jid(user)).to(jid(occupantJid))
                .child(Element.empty(MucNamespaces.MUC, "x")).build();
    }

    static Presence leave(String user, String occupantJid) {
        return Presence.builder(PresenceType.UNAVAILABLE).from(jid(user)).to(jid(occupantJid)).build();
    }

    static Message groupchat(String user, String room, String body) {
        return Message.builder(MessageType.GROUPCHAT).from(jid(user)).to(jid(room)).id("m-" + body)
                .textChild("body", body).build();
    }

    static Iq ownerSet(String user, String room, Element payload) {
        return Iq.builder(IqType.SET).from(jid(user)).to(jid(room)).id("o1")
                .child(Element.builder(MucNamespaces.MUC_OWNER, "query").child(payload).build()).build();
    }

    static Iq instantRoom(String user, String room) {
        return ownerSet(user, room, Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit").build());
    }

    static Iq iq(String user, String to, IqType type, Element query) {
        return Iq.builder(type).from(jid(user)).to(jid(to)).id("q1").child(query).build();
    }

    static List<String> addressesOf(List<Stanza> out) {
        return out.stream().map(s -> s.element().localName() + " " + s.from().map(Object::toString).orElse("")
                + " -> " + s.to().map(Object::toString).orElse("")).toList();
    }
}
