package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a room's state the way an administrator's client would, so that the invariants are
 * checked on what the engine answers, not on its internals: the owner's configuration form, the
 * four affiliation lists and the three role lists (XEP-0045 §9.5, §8.5, §10.2), asked by a
 * service administrator who acts as an owner of every room and never joins one. Reads change
 * nothing: any durable change or stanza to someone else is a failure.
 */
final class Audit {

    private static final List<Affiliation> LISTS =
            List.of(Affiliation.OWNER, Affiliation.ADMIN, Affiliation.MEMBER, Affiliation.OUTCAST);
    private static final List<Role> ROLES = List.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR);

    private final MucService service;

    Audit(MucService service) {
        this.service = service;
    }

    RoomState read(String room, Instant now) {
        Iq form = ask(room, MucNamespaces.MUC_OWNER, Optional.empty(), now);
        if (form.error().isPresent()) {
            assertThat(form.error().get().condition()).as("the owner's form of %s", room)
                    .isEqualTo(Condition.ITEM_NOT_FOUND);
            return RoomState.ABSENT;
        }
        Map<String, Affiliation> affiliations = new LinkedHashMap<>();
        for (Affiliation list : LISTS) {
            for (MucItem item : items(ask(room, MucNamespaces.MUC_ADMIN,
                    Optional.of(Element.builder(MucNamespaces.MUC_ADMIN, "item")
                            .attribute("affiliation", list.wireName()).build()), now))) {
                Affiliation before = affiliations.put(item.jid().orElseThrow().toString(), list);
                assertThat(before).as("%s is on one affiliation list of %s", item.jid(), room).isNull();
            }
        }
        List<RoomState.Occupant> occupants = new ArrayList<>();
        for (Role role : ROLES) {
            for (MucItem item : items(ask(room, MucNamespaces.MUC_ADMIN,
                    Optional.of(Element.builder(MucNamespaces.MUC_ADMIN, "item")
                            .attribute("role", role.wireName()).build()), now))) {
                assertThat(item.role()).contains(role);
                occupants.add(new RoomState.Occupant(item.nick().orElseThrow(), item.jid().orElseThrow().toString(),
                        role, item.affiliation().orElseThrow()));
            }
        }
        return new RoomState(true, config(form), affiliations, occupants);
    }

    private static RoomState.Config config(Iq form) {
        Element x = form.query().orElseThrow().child(XmppNamespaces.DATA, "x").orElseThrow();
        DataForm fields = DataForm.fromElement(x);
        String max = fields.values("muc#roomconfig_maxusers").stream().findFirst().orElse("none");
        boolean protectedRoom = flag(fields, "muc#roomconfig_passwordprotectedroom");
        return new RoomState.Config(flag(fields, "muc#roomconfig_membersonly"),
                flag(fields, "muc#roomconfig_moderatedroom"), flag(fields, "muc#roomconfig_persistentroom"),
                protectedRoom ? fields.values("muc#roomconfig_roomsecret").stream().findFirst() : Optional.empty(),
                max.equals("none") ? 0 : Integer.parseInt(max));
    }

    private static boolean flag(DataForm form, String var) {
        return form.values(var).stream().findFirst().flatMap(DataForm::parseBoolean).orElse(false);
    }

    private static List<MucItem> items(Iq result) {
        assertThat(result.error()).as("a list the auditor asked for: %s", result).isEmpty();
        List<MucItem> items = new ArrayList<>();
        for (Element e : result.query().orElseThrow().children(MucNamespaces.MUC_ADMIN, "item")) {
            Checked<MucItem> item = MucCodec.decodeItem(e);
            assertThat(item.refusal()).as("the room's own item %s", e).isEmpty();
            items.add(item.value());
        }
        return items;
    }

    private Iq ask(String room, String namespace, Optional<Element> item, Instant now) {
        ElementBuilder query = Element.builder(namespace, "query");
        item.ifPresent(query::child);
        Iq get = Iq.builder(IqType.GET).from(World.AUDITOR).to(World.room(room)).id("audit")
                .child(query.build()).build();
        Effects effects = service.handle(get, now);
        assertThat(effects.changes()).as("a read changes nothing").isEmpty();
        List<Stanza> out = effects.stanzas();
        assertThat(out).as("one answer to the auditor's %s", get).hasSize(1);
        assertThat(out.get(0).to()).contains(World.AUDITOR);
        return (Iq) out.get(0);
    }
}
