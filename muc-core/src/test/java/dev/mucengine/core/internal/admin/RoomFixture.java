package dev.mucengine.core.internal.admin;

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
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** A room with named users, and helpers to drive handlers and read what they sent. */
public final class RoomFixture {

    public static final EntityBareJid ROOM = JidCreate.entityBareFromOrThrowUnchecked("room@conference.localhost");
    public static final EntityFullJid ROMEO = full("user@localhost/balcony");
    public static final EntityFullJid JULIET = full("user2@localhost/garden");
    public static final EntityFullJid ROSALINE = full("user3@localhost/street");
    public static final EntityFullJid TYBALT = full("tybalt@localhost/sword");
    public static final EntityFullJid SERVICE_ADMIN = full("admin@localhost/console");

    public final Room room;
    public final RoomContext context = new RoomContext(Instant.parse("2026-01-01T00:00:00Z"),
            IdSource.sequential("id"), Set.of(SERVICE_ADMIN.asBareJid()), Limits.DEFAULTS,
            ArchivePolicy.DEFAULTS, new InMemoryRoomStore());
    public Outbox out = new Outbox();

    public RoomFixture(RoomConfig config) {
        this.room = TestRooms.room(ROOM, config);
    }

    public RoomFixture() {
        this(RoomConfig.defaults());
    }

    public static EntityFullJid full(String jid) {
        return JidCreate.entityFullFromOrThrowUnchecked(jid);
    }

    public static Resourcepart nick(String nick) {
        return Resourcepart.fromOrThrowUnchecked(nick);
    }

    public RoomFixture affiliate(Jid user, Affiliation affiliation) {
        return affiliate(user, affiliation, null);
    }

    public RoomFixture affiliate(Jid user, Affiliation affiliation, String reservedNick) {
        room.setAffiliation(new AffiliationEntry(user.asBareJid(), affiliation,
                Optional.ofNullable(reservedNick).map(RoomFixture::nick), Optional.empty()));
        room.drainChanges(); // set-up, not a change under test
        return this;
    }

    /** Handles a stanza as the room does, through the router and the room's modules. */
    public void handle(Stanza stanza) {
        TestRooms.handle(room, stanza, context, out);
    }

    /** Adds an occupant with the role its affiliation gives. */
    public RoomFixture join(String nick, EntityFullJid user) {
        return join(nick, user, context.privilege(room, user).defaultRole(room.config().moderated()));
    }

    public RoomFixture join(String nick, EntityFullJid user, Role role) {
        room.add(new Occupant(nick(nick), user, role, Presence.builder(PresenceType.AVAILABLE).build(), 0));
        return this;
    }

    public static Element adminQuery(Element... items) {
        ElementBuilder q = Element.builder(MucNamespaces.MUC_ADMIN, "query");
        for (Element i : items) {
            q.child(i);
        }
        return q.build();
    }

    /** An admin item from attribute name/value pairs, with an optional reason. */
    public static Element item(String... attributes) {
        return itemWithReason(null, attributes);
    }

    public static Element itemWithReason(String reason, String... attributes) {
        ElementBuilder b = Element.builder(MucNamespaces.MUC_ADMIN, "item");
        for (int i = 0; i < attributes.length; i += 2) {
            b.attribute(attributes[i], attributes[i + 1]);
        }
        if (reason != null) {
            b.textChild(MucNamespaces.MUC_ADMIN, "reason", reason);
        }
        return b.build();
    }

    public static Iq iq(IqType type, Jid from, Element query) {
        return Iq.builder(type).from(from).to(ROOM).id("q1").child(query).build();
    }

    /** The stanzas sent so far, rendered, and a fresh outbox for the next step. */
    public List<String> sent() {
        List<String> rendered = out.stanzas().stream().map(Stanza::toString).toList();
        out = new Outbox();
        return rendered;
    }

    public Affiliation affiliationOf(Jid user) {
        return room.affiliation(user);
    }

    public Optional<Occupant> occupant(String nick) {
        return room.occupant(nick(nick));
    }

    public static BareJid bare(EntityFullJid jid) {
        return jid.asBareJid();
    }
}
