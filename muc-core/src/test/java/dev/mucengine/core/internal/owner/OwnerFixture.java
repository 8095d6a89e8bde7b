package dev.mucengine.core.internal.owner;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.TestRooms;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.service.ArchivePolicy;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** A room with an owner (romeo) and a participant (juliet), and helpers to drive iq handlers. */
public final class OwnerFixture {

    public static final EntityBareJid ROOM = JidCreate.entityBareFromOrThrowUnchecked("garden@conference.localhost");
    public static final EntityFullJid ROMEO = JidCreate.entityFullFromOrThrowUnchecked("romeo@localhost/r1");
    public static final EntityFullJid JULIET = JidCreate.entityFullFromOrThrowUnchecked("juliet@localhost/j1");
    public static final EntityFullJid NURSE = JidCreate.entityFullFromOrThrowUnchecked("nurse@localhost/n1");

    public final Room room = TestRooms.room(ROOM, RoomConfig.defaults());
    public final RoomContext context = new RoomContext(Instant.EPOCH, IdSource.sequential("id"), Set.of(),
            Limits.DEFAULTS,
            ArchivePolicy.DEFAULTS, new InMemoryRoomStore());
    public final Outbox out = new Outbox();

    public OwnerFixture() {
        room.setAffiliation(new AffiliationEntry(ROMEO.asBareJid(), Affiliation.OWNER, Optional.empty(),
                Optional.empty()));
        room.drainChanges(); // set-up, not a change under test
    }

    /** Handles a stanza as the room does, through the router and the room's modules. */
    public void handle(Stanza stanza) {
        handle(stanza, context);
    }

    /** As {@link #handle(Stanza)}, in another context (with service administrators, say). */
    public void handle(Stanza stanza, RoomContext withContext) {
        TestRooms.handle(room, stanza, withContext, out);
    }

    public Occupant join(EntityFullJid who, String nick, Role role) {
        return room.add(new Occupant(Resourcepart.fromOrThrowUnchecked(nick), who, role,
                Presence.builder(PresenceType.AVAILABLE).build(), 0));
    }

    public void affiliate(Jid who, Affiliation affiliation, Optional<String> nick) {
        room.setAffiliation(new AffiliationEntry(who.asBareJid(), affiliation,
                nick.map(Resourcepart::fromOrThrowUnchecked), Optional.empty()));
        room.drainChanges();
    }

    /** An iq from {@code from} to the room carrying {@code query}. */
    public static Iq iq(Jid from, String type, Element query) {
        Element e = Element.builder(Stanza.CLIENT_NAMESPACE, "iq")
                .attribute("from", from.toString())
                .attribute("to", ROOM.toString())
                .attribute("id", "q1")
                .attribute("type", type)
                .child(query)
                .build();
        return (Iq) ((StanzaResult.Valid) Stanza.parse(e)).stanza();
    }

    public static Element ownerQuery(Element... children) {
        ElementBuilder b = Element.builder(MucNamespaces.MUC_OWNER, "query");
        for (Element c : children) {
            b.child(c);
        }
        return b.build();
    }

    /** {@code <x xmlns='jabber:x:data' type='submit'>} with var/values pairs; a null value list means no value. */
    public static Element submit(String... varsAndValues) {
        ElementBuilder x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit");
        x.child(field("FORM_TYPE", MucNamespaces.MUC_ROOMCONFIG));
        for (int i = 0; i < varsAndValues.length; i += 2) {
            x.child(field(varsAndValues[i], varsAndValues[i + 1].split("\\|", -1)));
        }
        return x.build();
    }

    /** A field; an empty single value means a field with no {@code <value/>}. */
    public static Element field(String var, String... values) {
        ElementBuilder f = Element.builder(XmppNamespaces.DATA, "field").attribute("var", var);
        if (!(values.length == 1 && values[0].isEmpty())) {
            for (String v : values) {
                f.textChild(XmppNamespaces.DATA, "value", v);
            }
        }
        return f.build();
    }

    public List<String> sent() {
        List<String> result = new ArrayList<>();
        for (Stanza s : out.stanzas()) {
            result.add(s.toString());
        }
        return result;
    }
}
