package dev.mucengine.core.service;

import static dev.mucengine.core.service.ServiceFixture.configSubmit;
import static dev.mucengine.core.service.ServiceFixture.field;
import static dev.mucengine.core.service.ServiceFixture.instantRoom;
import static dev.mucengine.core.service.ServiceFixture.iq;
import static dev.mucengine.core.service.ServiceFixture.join;
import static dev.mucengine.core.service.ServiceFixture.ownerSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The room's vCard and avatar (XEP-0486): who sets and gets it, the hash, notices, limits, storage. */
class RoomVcardTest {

    private static final String ROOM = "garden@muc.example";
    private static final String OWNER = "romeo@example.net/garden";
    private static final String GUEST = "juliet@example.com/balcony";
    /** XEP-0486 §3.2's example image, and its SHA-1 as §3.3 advertises it. */
    private static final String SVG = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIzMiIgaGVpZ2h0PSIzMiI+Ci"
            + "A8cmVjdCB4PSIwIiB5PSIwIiB3aWR0aD0iMzIiIGhlaWdodD0iMzIiIGZpbGw9InJlZCIvPgo8L3N2Zz4K";
    private static final String SVG_SHA1 = "a31c4bd04de69663cfd7f424a8453f4674da37ff";
    /** "hello" in base64, and its SHA-1. */
    private static final String HELLO = "aGVs\n  bG8=";
    private static final String HELLO_SHA1 = "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d";
    /** The room info field, as XEP-0486 §8.1 registers it. */
    private static final String AVATAR_HASH = "muc#roominfo_avatarhash";

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private ServiceFixture f = fixture(Limits.DEFAULTS);

    private ServiceFixture fixture(Limits limits) {
        return new ServiceFixture(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked("muc.example"))
                .withLimits(limits), store);
    }

    private static Element vcard(String... binvals) {
        ElementBuilder v = Element.builder(XmppNamespaces.VCARD, "vCard");
        for (String b : binvals) {
            v.child(Element.builder(XmppNamespaces.VCARD, "PHOTO")
                    .textChild(XmppNamespaces.VCARD, "TYPE", "image/svg+xml")
                    .textChild(XmppNamespaces.VCARD, "BINVAL", b).build());
        }
        return v.build();
    }

    private void createRoom(boolean persistent) {
        f.send(join(OWNER, ROOM + "/romeo"));
        f.send(instantRoom(OWNER, ROOM));
        if (persistent) {
            f.send(ownerSet(OWNER, ROOM, configSubmit(field("muc#roomconfig_persistentroom", "1"))));
        }
    }

    private Effects set(String user, Element vcard) {
        return f.handle(iq(user, ROOM, IqType.SET, vcard));
    }

    private Iq get(String user) {
        List<Stanza> out = f.send(iq(user, ROOM, IqType.GET, Element.empty(XmppNamespaces.VCARD, "vCard")));
        assertThat(out).hasSize(1);
        return (Iq) out.get(0);
    }

    private DataForm roomInfo(String user) {
        Iq answer = (Iq) f.send(iq(user, ROOM, IqType.GET, Element.empty(XmppNamespaces.DISCO_INFO, "query"))).get(0);
        Element query = answer.query().orElseThrow();
        assertThat(query.children(XmppNamespaces.DISCO_INFO, "feature"))
                .anySatisfy(e -> assertThat(e.attribute("var")).contains("vcard-temp"));
        return DataForm.fromElement(query.child(XmppNamespaces.DATA, "x").orElseThrow());
    }

    private static Optional<Condition> condition(Stanza s) {
        return s.error().map(StanzaError::condition);
    }

    @Test
    void theOwnerSetsItAndAnyoneGetsItWithTheHashInRoomInfo() {
        createRoom(false);
        assertThat(get(GUEST).query()).contains(Element.empty(XmppNamespaces.VCARD, "vCard"));
        assertThat(roomInfo(GUEST).field(AVATAR_HASH)).isEmpty();

        Effects effects = set(OWNER, vcard(SVG));
        assertThat(effects.stanzas().get(0)).isInstanceOfSatisfying(Iq.class,
                r -> assertThat(r.type()).isEqualTo(IqType.RESULT));
        assertThat(get(GUEST).query()).contains(vcard(SVG));
        assertThat(roomInfo(GUEST).values(AVATAR_HASH)).containsExactly(SVG_SHA1);
    }

    @Test
    void oneHashPerPhotoAndFoldedBase64DecodesAsOne() {
        createRoom(false);
        set(OWNER, vcard(SVG, HELLO));
        assertThat(roomInfo(GUEST).values(AVATAR_HASH)).containsExactly(SVG_SHA1, HELLO_SHA1);
    }

    @Test
    void nonOwnersAreForbiddenAndChangeNothing() {
        createRoom(false);
        f.send(join(GUEST, ROOM + "/juliet"));
        Effects refused = set(GUEST, vcard(SVG));
        assertThat(refused.stanzas()).singleElement().satisfies(s -> {
            assertThat(s.to().map(Object::toString)).contains(GUEST);
            assertThat(condition(s)).contains(Condition.FORBIDDEN);
        });
        assertThat(get(GUEST).query()).contains(Element.empty(XmppNamespaces.VCARD, "vCard"));
    }

    @Test
    void occupantsAreToldWithStatus104AndAnUpdatePresenceFromTheRoom() {
        createRoom(false);
        f.send(join(GUEST, ROOM + "/juliet"));
        List<Stanza> out = set(OWNER, vcard(SVG)).stanzas();
        assertThat(ServiceFixture.addressesOf(out)).containsExactly(
                "iq " + ROOM + " -> " + OWNER,
                "message " + ROOM + " -> " + OWNER, "message " + ROOM + " -> " + GUEST,
                "presence " + ROOM + " -> " + OWNER, "presence " + ROOM + " -> " + GUEST);
        assertThat(((Message) out.get(1)).payload(MucNamespaces.MUC_USER, "x").orElseThrow().toString())
                .contains("code='104'");
        Element update = ((Presence) out.get(3)).payload("vcard-temp:x:update", "x").orElseThrow();
        assertThat(update.childText("vcard-temp:x:update", "photo")).contains(SVG_SHA1);

        // The same vCard again changes nothing: no notices.
        assertThat(set(OWNER, vcard(SVG)).stanzas()).hasSize(1);
        // An empty vCard removes the avatar: the presence says so with an empty photo.
        List<Stanza> removed = set(OWNER, vcard()).stanzas();
        assertThat(removed).hasSize(5);
        assertThat(((Presence) removed.get(3)).payload("vcard-temp:x:update", "x").orElseThrow()
                .childText("vcard-temp:x:update", "photo")).contains("");
        assertThat(roomInfo(GUEST).field(AVATAR_HASH)).isEmpty();
    }

    @Test
    void aVcardOverTheLimitIsNotAcceptable() {
        f = fixture(Limits.DEFAULTS.withMaxRoomVcardBytes(300));
        createRoom(true);
        assertThat(set(OWNER, vcard(SVG)).stanzas()).first()
                .satisfies(s -> assertThat(condition(s)).isEmpty());
        Effects tooLarge = set(OWNER, vcard(SVG, SVG));
        assertThat(tooLarge.stanzas()).singleElement()
                .satisfies(s -> assertThat(condition(s)).contains(Condition.NOT_ACCEPTABLE));
        assertThat(tooLarge.changes()).isEmpty();
        assertThat(get(OWNER).query()).contains(vcard(SVG));
    }

    @Test
    void aBinvalThatIsNotBase64IsABadRequest() {
        createRoom(false);
        assertThat(set(OWNER, vcard("not base64!")).stanzas()).singleElement()
                .satisfies(s -> assertThat(condition(s)).contains(Condition.BAD_REQUEST));
    }

    @Test
    void outcastsAreForbiddenAndALockedRoomIsNotFound() {
        f.send(join(OWNER, ROOM + "/romeo")); // locked until configured
        assertThat(condition(get(GUEST))).contains(Condition.ITEM_NOT_FOUND);
        assertThat(condition(get(OWNER))).isEmpty();
        f.send(instantRoom(OWNER, ROOM));
        f.send(iq(OWNER, ROOM, IqType.SET, Element.builder(MucNamespaces.MUC_ADMIN, "query")
                .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("affiliation", "outcast")
                        .attribute("jid", "juliet@example.com").build()).build()));
        assertThat(condition(get(GUEST))).contains(Condition.FORBIDDEN);
        assertThat(condition(get("nurse@example.com/kitchen"))).isEmpty();
    }

    @Test
    void aPersistentRoomStoresItAndHasItAfterARestart() {
        createRoom(true);
        Effects effects = set(OWNER, vcard(SVG));
        assertThat(effects.changes()).containsExactly(new DurableChange.RoomVcardChanged(
                JidCreate.entityBareFromOrThrowUnchecked(ROOM), Optional.of(vcard(SVG))));

        MucService restarted = new MucService(f.service.config(), store, IdSource.sequential("r"));
        Effects answer = restarted.handle(iq(GUEST, ROOM, IqType.GET, Element.empty(XmppNamespaces.VCARD, "vCard")),
                ServiceFixture.T0);
        assertThat(((Iq) answer.stanzas().get(0)).query()).contains(vcard(SVG));
    }

    @Test
    void aTemporaryRoomKeepsItInMemoryOnly() {
        createRoom(false);
        assertThat(set(OWNER, vcard(SVG)).changes()).isEmpty();
        assertThat(get(GUEST).query()).contains(vcard(SVG));
    }
}
