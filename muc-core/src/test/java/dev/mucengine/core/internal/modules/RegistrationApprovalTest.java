package dev.mucengine.core.internal.modules;

import static dev.mucengine.core.internal.admin.RoomFixture.JULIET;
import static dev.mucengine.core.internal.admin.RoomFixture.ROMEO;
import static dev.mucengine.core.internal.admin.RoomFixture.ROSALINE;
import static dev.mucengine.core.internal.admin.RoomFixture.iq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.admin.RoomFixture;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/** Registration held for an admin's approval (XEP-0045 §7.10, the muc#register form). */
class RegistrationApprovalTest {

    private static final RoomConfig APPROVED_REGISTRATION = RoomConfig.defaults().toBuilder()
            .allowRegistration(true).setting(RegistrationApprovals.FIELD_VAR, List.of("1")).build();

    private static RoomFixture room() {
        return new RoomFixture(APPROVED_REGISTRATION).affiliate(ROMEO, Affiliation.OWNER).join("Romeo", ROMEO);
    }

    private static Element submit(String nick) {
        DataForm form = DataForm.of("submit", List.of(FormField.formType(MucNamespaces.MUC_REGISTER),
                FormField.of("muc#register_roomnick", FieldType.TEXT_SINGLE, "Nickname", List.of(nick))));
        return Element.builder(XmppNamespaces.REGISTER, "query").child(form.toElement()).build();
    }

    private static Message decision(Jid admin, Jid user, boolean allow) {
        DataForm form = DataForm.of("submit", List.of(FormField.formType(MucNamespaces.MUC_REGISTER),
                FormField.of("muc#jid", FieldType.JID_SINGLE, "User ID", List.of(user.asBareJid().toString())),
                FormField.of("muc#register_allow", FieldType.BOOLEAN, "Allow", List.of(allow ? "1" : "0"))));
        return Message.builder(MessageType.NORMAL).from(admin).to(RoomFixture.ROOM).id("d1")
                .child(form.toElement()).build();
    }

    @Test
    void aRequestIsHeldAndTheOwnersAreAsked() {
        RoomFixture f = room();

        f.handle(iq(IqType.SET, JULIET, submit("Juliet")));
        List<String> sent = f.sent();

        assertThat(f.affiliationOf(JULIET)).as("not granted yet").isEqualTo(Affiliation.NONE);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).startsWith("<message xmlns='jabber:client' "
                + "from='room@conference.localhost' to='user@localhost'")
                .contains("<title>Registration request</title>", "var='muc#jid'", "<value>user2@localhost</value>",
                        "var='muc#register_allow'");
        assertThat(sent.get(1)).contains("type='result'", "to='user2@localhost/garden'");
    }

    @Test
    void anApprovalGrantsMembershipAndTheNickname() {
        RoomFixture f = room();
        f.handle(iq(IqType.SET, JULIET, submit("Juliet")));
        f.sent();

        f.handle(decision(ROMEO, JULIET, true));

        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.MEMBER);
        assertThat(f.room.reservedNick(JULIET)).contains(RoomFixture.nick("Juliet"));
        assertThat(f.sent()).last().asString().contains("to='user2@localhost/garden'", "was approved");
    }

    @Test
    void aRefusalTellsTheRequesterAndGrantsNothing() {
        RoomFixture f = room();
        f.handle(iq(IqType.SET, JULIET, submit("Juliet")));
        f.sent();

        f.handle(decision(ROMEO, JULIET, false));

        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.NONE);
        assertThat(f.sent()).singleElement().asString().contains("to='user2@localhost/garden'", "was declined");
        f.handle(decision(ROMEO, JULIET, true));
        assertThat(f.sent()).singleElement().asString().contains("type='error'", "item-not-found");
    }

    @Test
    void onlyAdminsAndOwnersDecide() {
        RoomFixture f = room();
        f.handle(iq(IqType.SET, JULIET, submit("Juliet")));
        f.sent();

        f.handle(decision(ROSALINE, JULIET, true));

        assertThat(f.sent()).singleElement().asString().contains("type='error'", "forbidden");
        assertThat(f.affiliationOf(JULIET)).isEqualTo(Affiliation.NONE);
    }

    @Test
    void pendingRequestsAreBounded() {
        RoomFixture f = room();
        for (int i = 0; i < PendingRegistrations.MAX; i++) {
            f.handle(iq(IqType.SET, RoomFixture.full("u" + i + "@localhost/r"), submit("n" + i)));
        }
        f.sent();

        f.handle(iq(IqType.SET, JULIET, submit("Juliet")));

        assertThat(f.sent()).singleElement().asString().contains("type='error'", "resource-constraint");
    }

    @Test
    void aMemberChangesItsNicknameWithoutApproval() {
        RoomFixture f = room().affiliate(JULIET, Affiliation.MEMBER);

        f.handle(iq(IqType.SET, JULIET, submit("Jules")));
        f.sent();

        assertThat(f.room.reservedNick(JULIET)).isEqualTo(Optional.of(RoomFixture.nick("Jules")));
    }
}
