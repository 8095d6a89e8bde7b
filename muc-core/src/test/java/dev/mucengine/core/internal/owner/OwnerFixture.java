package dev.mucengine.core.internal.owner;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.internal.room.AffiliationChanger;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
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

    public final Room room = new Room(ROOM, RoomConfig.defaults(), 20, java.util.Optional.empty());
    public final RoomContext context = new RoomContext(Instant.EPOCH, IdSource.sequential("id"), Set.of(),
            Limits.DEFAULTS);
    public final Outbox out = new Outbox();
    public final FakeChanger changer = new FakeChanger();

    public OwnerFixture() {
        room.setAffiliation(new AffiliationEntry(ROMEO.asBareJid(), Affiliation.OWNER, Optional.empty(),
                Optional.empty()));
    }

    public Occupant join(EntityFullJid who, String nick, Role role) {
        return room.add(new Occupant(Resourcepart.fromOrThrowUnchecked(nick), who, role,
                Presence.builder(PresenceType.AVAILABLE).build(), 0));
    }

    public void affiliate(Jid who, Affiliation affiliation, Optional<String> nick) {
        room.setAffiliation(new AffiliationEntry(who.asBareJid(), affiliation,
                nick.map(Resourcepart::fromOrThrowUnchecked), Optional.empty()));
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
        Element.Builder b = Element.builder(MucNamespaces.MUC_OWNER, "query");
        for (Element c : children) {
            b.child(c);
        }
        return b.build();
    }

    /** {@code <x xmlns='jabber:x:data' type='submit'>} with var/values pairs; a null value list means no value. */
    public static Element submit(String... varsAndValues) {
        Element.Builder x = Element.builder(MucNamespaces.DATA, "x").attribute("type", "submit");
        x.child(field("FORM_TYPE", MucNamespaces.MUC_ROOMCONFIG));
        for (int i = 0; i < varsAndValues.length; i += 2) {
            x.child(field(varsAndValues[i], varsAndValues[i + 1].split("\\|", -1)));
        }
        return x.build();
    }

    /** A field; an empty single value means a field with no {@code <value/>}. */
    public static Element field(String var, String... values) {
        Element.Builder f = Element.builder(MucNamespaces.DATA, "field").attribute("var", var);
        if (!(values.length == 1 && values[0].isEmpty())) {
            for (String v : values) {
                f.textChild(MucNamespaces.DATA, "value", v);
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

    /** Records requests; applies them to the room unless told to refuse. */
    public final class FakeChanger implements AffiliationChanger {
        public final List<List<AffiliationRequest>> calls = new ArrayList<>();
        public Optional<StanzaError> refusal = Optional.empty();

        @Override
        public Optional<StanzaError> apply(Room target, EntityFullJid actor, List<AffiliationRequest> changes,
                RoomContext ctx, Outbox sink) {
            calls.add(changes);
            if (refusal.isPresent()) {
                return refusal;
            }
            for (AffiliationRequest r : changes) {
                target.setAffiliation(new AffiliationEntry(r.jid(), r.affiliation(), r.nick(), r.reason()));
            }
            return Optional.empty();
        }
    }
}
