package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.server.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Interop: moderated retraction (XEP-0425) and retraction of one's own message (XEP-0424) through
 * Smack 4.5.0-beta5 against {@code serve} with its SQLite store. Smack has no moderation API, and
 * its retraction manager speaks only the origin-id form of XEP-0424 0.x (not the room's stanza
 * ids), so the requests are Smack's generic IQ and extension elements; the announcement, the
 * errors and the archive's tombstones are read as Smack parses them, through its MUC and MAM
 * clients.
 */
class SmackModerationInteropTest {

    private static final String PASSWORD = "secret";
    private static final String MODERATE = "urn:xmpp:message-moderate:1";
    private static final String RETRACT = "urn:xmpp:message-retract:1";

    @TempDir
    Path dir;

    private XMPPTCPConnection connect(String user, int port) throws Exception {
        return SmackClients.loggedIn(port, user, PASSWORD, "mod");
    }

    /** XEP-0425 1.x: {@code <moderate id><retract/><reason/></moderate>} in an iq set to the room. */
    private static final class ModerateIq extends IQ {
        private final String messageId;
        private final String reason;

        ModerateIq(EntityBareJid room, String messageId, String reason) {
            super("moderate", MODERATE);
            this.messageId = messageId;
            this.reason = reason;
            setType(IQ.Type.set);
            setTo(room);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.attribute("id", messageId);
            xml.rightAngleBracket();
            xml.append(StandardExtensionElement.builder("retract", RETRACT).build().toXML());
            xml.element("reason", reason);
            return xml;
        }
    }

    @Test
    void smackClientsModerateAndRetractAndTheArchiveKeepsTombstones() throws Exception {
        // See SmackMucInteropTest: Smack's StAX parser asserts on default-namespace extensions.
        getClass().getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        Path accounts = Files.writeString(dir.resolve("accounts"), "alice:" + PASSWORD + "\nbob:" + PASSWORD + "\n");
        try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(),
                Optional.of(accounts), false, new StoreLocation.Directory(dir.resolve("data")), ServeLimits.DEFAULTS))) {
            XMPPTCPConnection alice = connect("alice", server.port());
            XMPPTCPConnection bob = connect("bob", server.port());
            try {
                EntityBareJid roomJid = JidCreate.entityBareFrom("agora@conference.localhost");
                MultiUserChat aliceRoom = SmackClients.createPersistentRoom(alice, roomJid, "Alice");
                MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(roomJid);
                BlockingQueue<Message> bobGot = new LinkedBlockingQueue<>();
                bobRoom.addMessageListener(m -> { // messages and retractions, not the subject
                    if (m.getBody() != null || m.hasExtension("retract", RETRACT)) {
                        bobGot.add(m);
                    }
                });
                bobRoom.join(Resourcepart.from("Bob"));

                bobRoom.sendMessage("cheap pills");
                String spam = StanzaIdElement.getStanzaId(next(bobGot)).getId();
                bobRoom.sendMessage("a typo");
                String typo = StanzaIdElement.getStanzaId(next(bobGot)).getId();
                bobRoom.sendMessage("kept");
                next(bobGot);

                // Bob is no moderator.
                assertThatThrownBy(() -> bob.sendIqRequestAndWaitForResponse(new ModerateIq(roomJid, spam, "mine")))
                        .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> assertThat(
                                e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));

                // Alice, the owner, is: Bob is told who retracted what and why.
                alice.sendIqRequestAndWaitForResponse(new ModerateIq(roomJid, spam, "Spam"));
                Message announcement = next(bobGot);
                assertThat((Object) announcement.getFrom()).isEqualTo(roomJid);
                StandardExtensionElement retract = (StandardExtensionElement) announcement.getExtensionElement("retract",
                        RETRACT);
                assertThat(retract.getAttributeValue("id")).isEqualTo(spam);
                assertThat(retract.getFirstElement("moderated", MODERATE).getAttributeValue("by"))
                        .isEqualTo(roomJid + "/Alice");
                assertThat(retract.getFirstElement("reason").getText()).isEqualTo("Spam");

                // XEP-0424: Bob retracts his own typo with a groupchat message naming its stanza id.
                bobRoom.sendMessage(bobRoom.buildMessage().setBody("/me retracted a message")
                        .addExtension(StandardExtensionElement.builder("retract", RETRACT)
                                .addAttribute("id", typo).build()));
                next(bobGot);

                // The archive has tombstones where the two were, and the rest as sent.
                MamManager mam = MamManager.getInstanceFor(bobRoom);
                assertThat(mam.isSupported()).isTrue(); // Smack learns the MAM version from disco
                List<Message> archived = mam.queryArchive(MamManager.MamQueryArgs.builder().build()).getMessages();
                assertThat(archived).extracting(Message::getBody)
                        .containsExactly(null, null, "kept", "/me retracted a message");
                StandardExtensionElement moderated = (StandardExtensionElement) archived.get(0)
                        .getExtensionElement("retracted", RETRACT);
                assertThat(moderated.getFirstElement("moderated", MODERATE).getAttributeValue("by"))
                        .isEqualTo(roomJid + "/Alice");
                assertThat(archived.get(1).hasExtension("retracted", RETRACT)).isTrue();
            } finally {
                alice.disconnect();
                bob.disconnect();
            }
        }
    }

    private static Message next(BlockingQueue<Message> queue) throws InterruptedException {
        Message m = queue.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m;
    }
}
