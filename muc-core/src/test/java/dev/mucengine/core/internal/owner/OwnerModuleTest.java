package dev.mucengine.core.internal.owner;

import static dev.mucengine.core.internal.owner.OwnerFixture.JULIET;
import static dev.mucengine.core.internal.owner.OwnerFixture.NURSE;
import static dev.mucengine.core.internal.owner.OwnerFixture.ROMEO;
import static dev.mucengine.core.internal.owner.OwnerFixture.field;
import static dev.mucengine.core.internal.owner.OwnerFixture.iq;
import static dev.mucengine.core.internal.owner.OwnerFixture.ownerQuery;
import static dev.mucengine.core.internal.owner.OwnerFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Destroy;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.PmPolicy;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.service.ArchivePolicy;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

class OwnerModuleTest {

    private OwnerFixture f;

    @BeforeEach
    void setUp() {
        f = new OwnerFixture();
        f.join(ROMEO, "romeo", Role.MODERATOR);
        f.join(JULIET, "juliet", Role.PARTICIPANT);
    }

    private void send(Jid from, String type, Element query) {
        Iq iq = iq(from, type, query);
        f.handle(iq, f.context);
    }

    /** The affiliation entries the room changed since the last call. */
    private List<AffiliationEntry> affiliationChanges() {
        return f.room.drainChanges().stream().filter(c -> c instanceof DurableChange.AffiliationChanged)
                .map(c -> ((DurableChange.AffiliationChanged) c).entry()).toList();
    }

    private DataForm getForm() {
        f.out.stanzas().clear();
        send(ROMEO, "get", ownerQuery());
        assertThat(f.out.stanzas()).hasSize(1);
        Element query = ((Iq) f.out.stanzas().get(0)).query().orElseThrow();
        assertThat(query.is(MucNamespaces.MUC_OWNER, "query")).isTrue();
        return DataForm.fromElement(query.child(XmppNamespaces.DATA, "x").orElseThrow());
    }

    @Test
    void ownerGetsTheFullFormWithCurrentValues() {
        DataForm form = getForm();
        assertThat(form.type()).isEqualTo("form");
        assertThat(form.title()).contains("Configuration for \"garden\" Room");
        assertThat(form.fields()).extracting(FormField::var).containsExactly(
                "FORM_TYPE",
                "muc#roomconfig_roomname", "muc#roomconfig_roomdesc", "muc#roomconfig_lang",
                "muc#roomconfig_enablelogging", "muc#roomconfig_changesubject", "muc#roomconfig_allowinvites",
                "muc#roomconfig_allowpm", "muc#roomconfig_maxusers", "muc#roomconfig_presencebroadcast",
                "muc#roomconfig_getmemberlist", "muc#roomconfig_publicroom", "muc#roomconfig_persistentroom",
                "muc#roomconfig_moderatedroom", "muc#roomconfig_membersonly",
                "muc#roomconfig_passwordprotectedroom", "muc#roomconfig_roomsecret", "muc#roomconfig_whois",
                "muc#roomconfig_allowvoicerequests", "muc#roomconfig_allowregister", "x-mucengine#register_approval",
                "muc#roomconfig_enablearchiving",
                "muc#roomconfig_roomadmins", "muc#roomconfig_roomowners");
        assertThat(form.field("FORM_TYPE").orElseThrow().type()).contains(FieldType.HIDDEN);
        assertThat(form.formType()).contains(MucNamespaces.MUC_ROOMCONFIG);
        for (FormField field : form.fields()) {
            assertThat(field.type()).as(field.var()).isPresent();
            if (!field.var().equals("FORM_TYPE")) {
                assertThat(field.label()).as(field.var()).isPresent();
            }
        }
        assertThat(form.values("muc#roomconfig_publicroom")).containsExactly("1");
        assertThat(form.values("muc#roomconfig_whois")).containsExactly("moderators");
        assertThat(form.field("muc#roomconfig_whois").orElseThrow().options())
                .extracting(FormField.Option::value).containsExactly("moderators", "anyone");
        assertThat(form.values("muc#roomconfig_maxusers")).containsExactly("none");
        assertThat(form.values("muc#roomconfig_presencebroadcast"))
                .containsExactly("moderator", "participant", "visitor");
        assertThat(form.field("muc#roomconfig_presencebroadcast").orElseThrow().options())
                .extracting(FormField.Option::value).containsExactly("moderator", "participant", "visitor", "none");
        assertThat(form.values("muc#roomconfig_roomowners")).containsExactly("romeo@localhost");
        assertThat(form.values("muc#roomconfig_roomadmins")).isEmpty();
        assertThat(form.values("muc#roomconfig_roomsecret")).isEmpty();
        assertThat(form.values("muc#roomconfig_allowpm")).containsExactly("anyone");
    }

    /**
     * One form makes the room members-only and hands ownership to Juliet: Romeo, no longer
     * affiliated, leaves once with 321 (§9.4), not first shown unaffiliated and then removed with
     * 322 (found by EngineFuzzTest).
     */
    @Test
    void anOwnerWhoGivesAwayOwnershipAsTheRoomBecomesMembersOnlyLeavesOnce() {
        f.out.stanzas().clear();
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_membersonly", "1",
                "muc#roomconfig_roomowners", "juliet@localhost")));

        List<String> toRomeoAboutRomeo = f.out.stanzas().stream()
                .filter(s -> s.to().map(ROMEO::equals).orElse(false))
                .filter(s -> s.from().map(j -> j.toString().equals("garden@conference.localhost/romeo")).orElse(false))
                .map(Object::toString).toList();
        assertThat(toRomeoAboutRomeo).hasSize(1);
        assertThat(toRomeoAboutRomeo.get(0)).contains("type='unavailable'").contains("code='321'")
                .doesNotContain("code='322'");
        assertThat(f.room.occupant(Resourcepart.fromOrThrowUnchecked("romeo"))).isEmpty();
        assertThat(f.room.config().membersOnly()).isTrue();
    }

    @Test
    void roundTripShowsSubmittedValuesAndKeepsTheOthers() {
        send(ROMEO, "set", ownerQuery(submit(
                "muc#roomconfig_roomname", "The Garden",
                "muc#roomconfig_roomdesc", "Where it happens",
                "muc#roomconfig_lang", "en",
                "muc#roomconfig_maxusers", "20",
                "muc#roomconfig_presencebroadcast", "moderator|none",
                "muc#roomconfig_allowpm", "moderators",
                "muc#roomconfig_persistentroom", "true",
                "muc#roomconfig_roomsecret", "cauldronburn",
                "muc#roomconfig_unknownfield", "ignored")));
        assertThat(f.out.stanzas().get(0).toString())
                .isEqualTo("<iq xmlns='jabber:client' type='result' from='garden@conference.localhost' "
                        + "to='romeo@localhost/r1' id='q1'/>");
        RoomConfig c = f.room.config();
        assertThat(c.name()).isEqualTo("The Garden");
        assertThat(c.maxUsers()).isEqualTo(20);
        assertThat(c.presenceBroadcast()).containsExactlyInAnyOrder(Role.MODERATOR, Role.NONE);
        assertThat(c.allowPm()).isEqualTo(PmPolicy.MODERATORS);
        assertThat(c.password()).contains("cauldronburn");
        assertThat(c.publicRoom()).isTrue();
        assertThat(f.room.drainChanges()).as("the configuration change is reported").isNotEmpty();

        DataForm form = getForm();
        assertThat(form.values("muc#roomconfig_roomname")).containsExactly("The Garden");
        assertThat(form.values("muc#roomconfig_roomdesc")).containsExactly("Where it happens");
        assertThat(form.values("muc#roomconfig_lang")).containsExactly("en");
        assertThat(form.values("muc#roomconfig_maxusers")).containsExactly("20");
        assertThat(form.values("muc#roomconfig_presencebroadcast")).containsExactly("moderator", "none");
        assertThat(form.values("muc#roomconfig_allowpm")).containsExactly("moderators");
        assertThat(form.values("muc#roomconfig_persistentroom")).containsExactly("1");
        assertThat(form.values("muc#roomconfig_passwordprotectedroom")).containsExactly("1");
        assertThat(form.values("muc#roomconfig_roomsecret")).containsExactly("cauldronburn");
        assertThat(form.values("muc#roomconfig_publicroom")).containsExactly("1");
    }

    @Test
    void submittingTheRenderedFormBackChangesNothing() {
        f.room.setConfig(f.room.config().toBuilder().password(Optional.of("s")).maxUsers(42).build());
        RoomConfig before = f.room.config();
        DataForm form = getForm();
        ElementBuilder x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit");
        for (FormField field : form.fields()) {
            x.child(field(field.var(), field.values().isEmpty() ? new String[] {""}
                    : field.values().toArray(String[]::new)));
        }
        f.out.stanzas().clear();
        send(ROMEO, "set", ownerQuery(x.build()));
        assertThat(f.out.stanzas()).hasSize(1);
        assertThat(f.room.config()).isEqualTo(before);
        assertThat(f.room.drainChanges()).noneMatch(c -> c instanceof DurableChange.AffiliationChanged);
    }

    @Test
    void instantRoomEmptySubmitUnlocksAndOnlyAnswers() {
        f.room.setLocked(true);
        send(ROMEO, "set", ownerQuery(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit").build()));
        assertThat(f.sent()).containsExactly("<iq xmlns='jabber:client' type='result' "
                + "from='garden@conference.localhost' to='romeo@localhost/r1' id='q1'/>");
        assertThat(f.room.locked()).isFalse();
        assertThat(f.room.config()).isEqualTo(RoomConfig.defaults());
    }

    @Test
    void whoisAnyoneOnNewRoomSends104And172AfterTheResult() {
        f.room.setLocked(true);
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_membersonly", "1", "muc#roomconfig_whois", "anyone")));
        // juliet is not a member: she is removed when the room becomes members-only
        assertThat(f.sent()).containsExactly(
                "<iq xmlns='jabber:client' type='result' from='garden@conference.localhost' "
                        + "to='romeo@localhost/r1' id='q1'/>",
                "<message xmlns='jabber:client' type='groupchat' from='garden@conference.localhost' "
                        + "to='romeo@localhost/r1' id='id1'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='104'/><status code='172'/></x></message>",
                "<message xmlns='jabber:client' type='groupchat' from='garden@conference.localhost' "
                        + "to='juliet@localhost/j1' id='id1'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='104'/><status code='172'/></x></message>",
                "<presence xmlns='jabber:client' type='unavailable' from='garden@conference.localhost/juliet' "
                        + "to='romeo@localhost/r1'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='322'/><item affiliation='none' role='none' jid='juliet@localhost/j1'/>"
                        + "</x></presence>",
                "<presence xmlns='jabber:client' type='unavailable' from='garden@conference.localhost/juliet' "
                        + "to='juliet@localhost/j1'><x xmlns='http://jabber.org/protocol/muc#user'>"
                        + "<status code='322'/><item affiliation='none' role='none' jid='juliet@localhost/j1'/>"
                        + "<status code='110'/></x></presence>");
        assertThat(f.room.locked()).isFalse();
        assertThat(f.room.config().whois()).isEqualTo(Whois.ANYONE);
        assertThat(f.room.occupants()).extracting(o -> o.nick().toString()).containsExactly("romeo");
    }

    @Test
    void membersOnlyKeepsMembersAndAdmins() {
        f.affiliate(JULIET, Affiliation.MEMBER, Optional.empty());
        f.join(NURSE, "nurse", Role.PARTICIPANT);
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_membersonly", "1")));
        assertThat(f.room.occupants()).extracting(o -> o.nick().toString()).containsExactly("romeo", "juliet");
        // result, 104 to the three occupants, then nurse's removal to romeo, juliet and herself
        assertThat(f.out.stanzas()).hasSize(1 + 3 + 3);
        assertThat(f.sent().get(6)).contains("to='nurse@localhost/n1'").contains("<status code='322'/>")
                .contains("<status code='110'/>");
    }

    @Test
    void moderatedOffSendsExactly104ToEveryOccupant() {
        f.room.setConfig(f.room.config().toBuilder().moderated(true).build());
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_moderatedroom", "0")));
        assertThat(f.sent()).hasSize(3);
        assertThat(f.sent().get(2)).isEqualTo("<message xmlns='jabber:client' type='groupchat' "
                + "from='garden@conference.localhost' to='juliet@localhost/j1' id='id1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><status code='104'/></x></message>");
        assertThat(f.room.config().moderated()).isFalse();
        assertThat(f.room.occupant(Resourcepart.fromOrThrowUnchecked("juliet"))
                .orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void loggingAndAnonymityCodes() {
        f.room.setConfig(f.room.config().toBuilder().whois(Whois.ANYONE).build());
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_enablelogging", "1", "muc#roomconfig_whois",
                "moderators")));
        assertThat(f.sent().get(1)).contains("<status code='104'/><status code='170'/><status code='173'/>");
        f.out.stanzas().clear();
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_enablelogging", "0")));
        assertThat(f.sent().get(1)).contains("<status code='104'/><status code='171'/></x>");
    }

    @Test
    void emptySecretFieldRemovesThePassword() {
        f.room.setConfig(f.room.config().toBuilder().password(Optional.of("cauldronburn")).build());
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_roomsecret", "")));
        assertThat(f.room.config().password()).isEmpty();
        assertThat(f.sent().get(1)).contains("<status code='104'/></x>");
    }

    @Test
    void emptySecretValueAndProtectionOffRemoveThePassword() {
        f.room.setConfig(f.room.config().toBuilder().password(Optional.of("a")).build());
        Element x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(Element.builder(XmppNamespaces.DATA, "field").attribute("var", "muc#roomconfig_roomsecret")
                        .child(Element.empty(XmppNamespaces.DATA, "value")).build())
                .build();
        send(ROMEO, "set", ownerQuery(x));
        assertThat(f.room.config().password()).isEmpty();

        f.room.setConfig(f.room.config().toBuilder().password(Optional.of("b")).build());
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_passwordprotectedroom", "0",
                "muc#roomconfig_roomsecret", "b")));
        assertThat(f.room.config().password()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "muc#roomconfig_maxusers, many, NOT_ACCEPTABLE",
        "muc#roomconfig_maxusers, -3, NOT_ACCEPTABLE",
        "muc#roomconfig_maxusers, 1000000, NOT_ACCEPTABLE",
        "muc#roomconfig_whois, everyone, NOT_ACCEPTABLE",
        "muc#roomconfig_allowpm, nobody, NOT_ACCEPTABLE",
        "muc#roomconfig_presencebroadcast, moderator|owner, NOT_ACCEPTABLE",
        "muc#roomconfig_getmemberlist, none, NOT_ACCEPTABLE",
        "muc#roomconfig_publicroom, yes, NOT_ACCEPTABLE",
        "muc#roomconfig_publicroom, 1|0, NOT_ACCEPTABLE",
        "muc#roomconfig_roomdesc, a|b, NOT_ACCEPTABLE",
        "muc#roomconfig_roomname, again, BAD_REQUEST",
        "muc#roomconfig_lang, en us, NOT_ACCEPTABLE",
        "muc#roomconfig_passwordprotectedroom, 1, NOT_ACCEPTABLE",
        "muc#roomconfig_roomowners, @@bad, JID_MALFORMED",
    })
    void invalidSubmissionIsRefusedAndChangesNothing(String var, String value, Condition condition) {
        f.room.setLocked(true);
        RoomConfig before = f.room.config();
        f.room.drainChanges(); // the fixture's own set-up
        // a valid change first: it must not be applied either
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_roomname", "Changed", var, value)));
        assertThat(f.out.stanzas()).hasSize(1);
        Iq reply = (Iq) f.out.stanzas().get(0);
        assertThat(reply.error()).map(StanzaError::condition).contains(condition);
        assertThat(reply.id()).contains("q1");
        assertThat(f.room.config()).isEqualTo(before);
        assertThat(f.room.locked()).isTrue();
        assertThat(f.room.drainChanges()).as("nothing to store").isEmpty();
        assertThat(f.room.drainChanges()).noneMatch(c -> c instanceof DurableChange.AffiliationChanged);
    }

    @Test
    void otherFormTypeOrFormTypeIsBadRequest() {
        Element x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                .child(field("FORM_TYPE", "http://jabber.org/protocol/muc#register"))
                .child(field("muc#roomconfig_roomname", "x")).build();
        send(ROMEO, "set", ownerQuery(x));
        assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition)
                .contains(Condition.BAD_REQUEST);
        assertThat(f.room.config().name()).isEmpty();
        f.out.stanzas().clear();
        send(ROMEO, "set", ownerQuery(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "form").build()));
        assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition)
                .contains(Condition.BAD_REQUEST);
        f.out.stanzas().clear();
        send(ROMEO, "set", ownerQuery());
        assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition)
                .contains(Condition.BAD_REQUEST);
    }

    @Test
    void nonOwnersAreForbiddenEverything() {
        f.affiliate(JULIET, Affiliation.ADMIN, Optional.empty());
        for (Element q : List.of(ownerQuery(), ownerQuery(submit("muc#roomconfig_roomname", "x")),
                ownerQuery(Element.empty(MucNamespaces.MUC_OWNER, "destroy")))) {
            f.out.stanzas().clear();
            send(JULIET, q.elements().isEmpty() ? "get" : "set", q);
            assertThat(f.out.stanzas()).hasSize(1);
            assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition)
                    .contains(Condition.FORBIDDEN);
        }
        assertThat(f.room.destroyed()).isFalse();
        assertThat(f.room.config().name()).isEmpty();
    }

    @Test
    void serviceAdminActsAsOwner() {
        var ctx = new RoomContext(f.context.now(), f.context.ids(),
                Set.of(JidCreate.bareFromOrThrowUnchecked("admin@localhost")), f.context.limits(),
            ArchivePolicy.DEFAULTS, new InMemoryRoomStore());
        Iq iq = iq(JidCreate.entityFullFromOrThrowUnchecked("admin@localhost/a"), "get", ownerQuery());
        f.handle(iq, ctx);
        assertThat(((Iq) f.out.stanzas().get(0)).error()).isEmpty();
    }

    @Test
    void ownerAndAdminListsBecomeAffiliationChanges() {
        send(ROMEO, "set", ownerQuery(submit(
                "muc#roomconfig_roomname", "New",
                "muc#roomconfig_roomowners", "romeo@localhost|nurse@localhost",
                "muc#roomconfig_roomadmins", "juliet@localhost/ignored")));
        assertThat(affiliationChanges()).containsExactly(
                new AffiliationEntry(JidCreate.bareFromOrThrowUnchecked("nurse@localhost"), Affiliation.OWNER,
                        Optional.empty(), Optional.empty()),
                new AffiliationEntry(JidCreate.bareFromOrThrowUnchecked("juliet@localhost"), Affiliation.ADMIN,
                        Optional.empty(), Optional.empty()));
        assertThat(f.room.config().name()).isEqualTo("New");
        assertThat(f.sent().get(0)).contains("type='result'");
        DataForm form = getForm();
        assertThat(form.values("muc#roomconfig_roomowners")).containsExactly("romeo@localhost", "nurse@localhost");
        assertThat(form.values("muc#roomconfig_roomadmins")).containsExactly("juliet@localhost");
    }

    @Test
    void droppingSomeoneFromTheOwnerListRevokesToNoneUnlessMadeAdmin() {
        f.affiliate(NURSE, Affiliation.OWNER, Optional.empty());
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_roomowners", "romeo@localhost",
                "muc#roomconfig_roomadmins", "nurse@localhost")));
        assertThat(affiliationChanges()).containsExactly(new AffiliationEntry(
                JidCreate.bareFromOrThrowUnchecked("nurse@localhost"), Affiliation.ADMIN, Optional.empty(),
                Optional.empty()));
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_roomadmins", "")));
        assertThat(affiliationChanges()).containsExactly(new AffiliationEntry(
                JidCreate.bareFromOrThrowUnchecked("nurse@localhost"), Affiliation.NONE, Optional.empty(),
                Optional.empty()));
    }

    @Test
    void refusedAffiliationChangeLeavesTheConfigurationUnchanged() {
        // An empty owner list would leave the room without an owner: conflict (XEP-0045 §10.5).
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_roomname", "New", "muc#roomconfig_roomowners", "")));
        assertThat(f.out.stanzas()).hasSize(1);
        assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition).contains(Condition.CONFLICT);
        assertThat(f.room.config().name()).isEmpty();
    }

    @Test
    void sameJidAsOwnerAndAdminIsNotAcceptable() {
        send(ROMEO, "set", ownerQuery(submit("muc#roomconfig_roomowners", "romeo@localhost",
                "muc#roomconfig_roomadmins", "romeo@localhost")));
        assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition)
                .contains(Condition.NOT_ACCEPTABLE);
    }

    @Test
    void cancelOnNewRoomDestroysIt() {
        f.room.remove(f.room.occupant(Resourcepart.fromOrThrowUnchecked("juliet"))
                .orElseThrow());
        f.room.setLocked(true);
        send(ROMEO, "set", ownerQuery(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "cancel").build()));
        assertThat(f.sent()).containsExactly(
                "<presence xmlns='jabber:client' type='unavailable' from='garden@conference.localhost/romeo' "
                        + "to='romeo@localhost/r1'><x xmlns='http://jabber.org/protocol/muc#user'><destroy/>"
                        + "<item affiliation='owner' role='none' jid='romeo@localhost/r1'/><status code='110'/>"
                        + "</x></presence>",
                "<iq xmlns='jabber:client' type='result' from='garden@conference.localhost' "
                        + "to='romeo@localhost/r1' id='q1'/>");
        assertThat(f.room.destroyed()).isTrue();
        assertThat(f.room.isEmpty()).isTrue();
    }

    @Test
    void cancelOnExistingRoomOnlyAnswers() {
        send(ROMEO, "set", ownerQuery(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "cancel").build()));
        assertThat(f.sent()).hasSize(1);
        assertThat(f.sent().get(0)).contains("type='result'");
        assertThat(f.room.destroyed()).isFalse();
        assertThat(f.room.config()).isEqualTo(RoomConfig.defaults());
    }

    @Test
    void destroyTellsEachOccupantOfItselfThenAnswers() {
        Element destroy = Element.builder(MucNamespaces.MUC_OWNER, "destroy")
                .textChild(MucNamespaces.MUC_OWNER, "reason", "We refuse to live in this fantasy!").build();
        send(ROMEO, "set", ownerQuery(destroy));
        assertThat(f.sent()).containsExactly(
                "<presence xmlns='jabber:client' type='unavailable' from='garden@conference.localhost/romeo' "
                        + "to='romeo@localhost/r1'><x xmlns='http://jabber.org/protocol/muc#user'><destroy>"
                        + "<reason>We refuse to live in this fantasy!</reason></destroy>"
                        + "<item affiliation='owner' role='none' jid='romeo@localhost/r1'/><status code='110'/>"
                        + "</x></presence>",
                "<presence xmlns='jabber:client' type='unavailable' from='garden@conference.localhost/juliet' "
                        + "to='juliet@localhost/j1'><x xmlns='http://jabber.org/protocol/muc#user'><destroy>"
                        + "<reason>We refuse to live in this fantasy!</reason></destroy>"
                        + "<item affiliation='none' role='none' jid='juliet@localhost/j1'/><status code='110'/>"
                        + "</x></presence>",
                "<iq xmlns='jabber:client' type='result' from='garden@conference.localhost' "
                        + "to='romeo@localhost/r1' id='q1'/>");
        assertThat(f.room.destroyed()).isTrue();
    }

    @Test
    void destroyWithAlternateVenue() {
        Element destroy = Element.builder(MucNamespaces.MUC_OWNER, "destroy")
                .attribute("jid", "heath@conference.localhost")
                .textChild(MucNamespaces.MUC_OWNER, "password", "secret").build();
        send(ROMEO, "set", ownerQuery(destroy));
        assertThat(f.sent().get(1)).contains("<destroy jid='heath@conference.localhost'>"
                + "<password>secret</password></destroy>");
    }

    @Test
    void destroyWithMalformedAlternateIsRefused() {
        send(ROMEO, "set", ownerQuery(Element.builder(MucNamespaces.MUC_OWNER, "destroy")
                .attribute("jid", "@@").build()));
        assertThat(((Iq) f.out.stanzas().get(0)).error()).map(StanzaError::condition)
                .contains(Condition.JID_MALFORMED);
        assertThat(f.room.destroyed()).isFalse();
    }

    @Test
    void administratorDestructionWithoutReason() {
        RoomDestruction.destroy(f.room, Destroy.PLAIN, f.out);
        assertThat(f.sent()).hasSize(2);
        assertThat(f.sent().get(0)).contains("<destroy/>");
        assertThat(f.room.destroyed()).isTrue();
    }
}
