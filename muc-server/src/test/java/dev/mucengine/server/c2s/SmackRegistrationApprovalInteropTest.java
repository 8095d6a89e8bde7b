package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.server.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Interop: registration held for approval (XEP-0045 §7.10) on {@code serve}, with Smack
 * 4.5.0-beta5. Smack has no API for registering with a room or deciding a request, so those are
 * raw stanzas: Alice submits the muc#register form; Bob, the owner, receives it in a message and
 * submits it back with {@code muc#register_allow}; Alice is told, and is a member with her
 * nickname in Smack's own member list.
 */
class SmackRegistrationApprovalInteropTest {

    private static final String PASSWORD = "secret";
    private static final String MUC_REGISTER = "http://jabber.org/protocol/muc#register";

    @TempDir
    Path dir;

    /** jabber:iq:register with a submitted data form. */
    private static final class RegisterIq extends IQ {
        private final DataForm form;

        RegisterIq(EntityBareJid room, DataForm form) {
            super("query", "jabber:iq:register");
            this.form = form;
            setType(IQ.Type.set);
            setTo(room);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append(form.toXML());
            return xml;
        }
    }

    private XMPPTCPConnection connect(String user, int port) throws Exception {
        return SmackClients.loggedIn(port, user, PASSWORD, "approval");
    }

    @Test
    void anOwnerApprovesARegistration() throws Exception {
        getClass().getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        Path accounts = Files.writeString(dir.resolve("accounts"), "alice:" + PASSWORD + "\nbob:" + PASSWORD + "\n");
        try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(),
                Optional.of(accounts), false, new StoreLocation.Directory(dir.resolve("data")), ServeLimits.DEFAULTS))) {
            XMPPTCPConnection bob = connect("bob", server.port());
            XMPPTCPConnection alice = connect("alice", server.port());
            try {
                EntityBareJid roomJid = JidCreate.entityBareFrom("chapel@conference.localhost");
                MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(roomJid);
                bobRoom.create(Resourcepart.from("Bob"));
                FillableForm config = bobRoom.getConfigurationForm().getFillableForm();
                config.setAnswer("muc#roomconfig_allowregister", true);
                config.setAnswer("x-mucengine#register_approval", true);
                bobRoom.sendConfigurationForm(config);

                BlockingQueue<Message> toBob = new LinkedBlockingQueue<>();
                bob.addAsyncStanzaListener(s -> toBob.add((Message) s), s -> s instanceof Message m
                        && roomJid.equals(m.getFrom()) && DataForm.from(m) != null);
                BlockingQueue<Message> toAlice = new LinkedBlockingQueue<>();
                alice.addAsyncStanzaListener(s -> toAlice.add((Message) s), s -> s instanceof Message m
                        && roomJid.equals(m.getFrom()) && m.getBody() != null);

                DataForm request = DataForm.builder(DataForm.Type.submit).setFormType(MUC_REGISTER)
                        .addField(FormField.textSingleBuilder("muc#register_roomnick").setValue("Alice").build())
                        .build();
                IQ answer = alice.createStanzaCollectorAndSend(new RegisterIq(roomJid, request)).nextResultOrThrow();
                assertThat(answer.getType()).isEqualTo(IQ.Type.result);
                assertThat(bobRoom.getMembers()).as("held, not granted").isEmpty();

                Message asked = toBob.poll(10, TimeUnit.SECONDS);
                assertThat(asked).as("the owner is asked").isNotNull();
                DataForm form = DataForm.from(asked);
                assertThat(form.getFormType()).isEqualTo(MUC_REGISTER);
                assertThat(form.getField("muc#jid").getFirstValue()).isEqualTo("alice@localhost");
                assertThat(form.getField("muc#register_roomnick").getFirstValue()).isEqualTo("Alice");

                DataForm approval = DataForm.builder(DataForm.Type.submit).setFormType(MUC_REGISTER)
                        .addField(FormField.jidSingleBuilder("muc#jid")
                                .setValue(JidCreate.from("alice@localhost")).build())
                        .addField(FormField.booleanBuilder("muc#register_allow").setValue(true).build())
                        .build();
                bob.sendStanza(bob.getStanzaFactory().buildMessageStanza().to(roomJid).addExtension(approval).build());

                Message told = toAlice.poll(10, TimeUnit.SECONDS);
                assertThat(told).as("Alice is told").isNotNull();
                assertThat(told.getBody()).contains("approved");
                List<Affiliate> members = bobRoom.getMembers();
                assertThat(members).hasSize(1);
                assertThat(members.get(0).getJid().toString()).isEqualTo("alice@localhost");
                assertThat(members.get(0).getNick()).isEqualTo(Resourcepart.from("Alice"));
            } finally {
                alice.disconnect();
                bob.disconnect();
            }
        }
    }
}
