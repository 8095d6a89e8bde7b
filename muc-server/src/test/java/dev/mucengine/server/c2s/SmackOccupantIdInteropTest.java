package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Interop with Smack 4.5.0-beta5 on {@code serve} (SQLite store): XEP-0421 occupant ids and
 * XEP-0410 self-ping. Smack has no occupant-id API in this version, so the ids are read as the
 * unknown extension elements Smack keeps ({@link StandardExtensionElement}); the pings are Smack's
 * own {@link Ping} requests.
 */
class SmackOccupantIdInteropTest {

    private static final String PASSWORD = "secret";
    private static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";

    @TempDir
    Path dir;

    private XMPPTCPConnection connect(String user, String resource, int port) throws Exception {
        return SmackClients.loggedIn(port, user, PASSWORD, resource);
    }

    private Server start() throws Exception {
        Path accounts = dir.resolve("accounts");
        if (!Files.exists(accounts)) {
            Files.writeString(accounts, "alice:" + PASSWORD + "\nbob:" + PASSWORD + "\n");
        }
        return Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(), Optional.of(accounts), false,
                new StoreLocation.Directory(dir.resolve("data")), ServeLimits.DEFAULTS));
    }

    private static String occupantId(Stanza stanza) {
        List<XmlElement> ids = stanza.getExtensions("occupant-id", OCCUPANT_ID);
        assertThat(ids).as("one occupant-id in %s", stanza.toXML()).hasSize(1)
                .first().isInstanceOf(StandardExtensionElement.class);
        return ((StandardExtensionElement) ids.get(0)).getAttributeValue("id");
    }

    /** The next presence Alice sees from the occupant JID {@code nick}, skipping others. */
    private static Stanza next(BlockingQueue<Stanza> seen, EntityBareJid room, String nick) throws Exception {
        EntityFullJid from = JidCreate.entityFullFrom(room + "/" + nick);
        while (true) {
            Stanza s = seen.poll(10, TimeUnit.SECONDS);
            assertThat(s).as("a stanza from " + from).isNotNull();
            if (from.equals(s.getFrom())) {
                return s;
            }
        }
    }

    @Test
    void occupantIdsAreStableAcrossNicknamesRejoinsAndRestartsAndSelfPingIsAnsweredByTheRoom() throws Exception {
        // See SmackMucInteropTest: Smack's StAX parser asserts on default-namespace extensions.
        getClass().getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        EntityBareJid roomJid = JidCreate.entityBareFrom("veil@conference.localhost");
        String bobsId;
        try (Server server = start()) {
            XMPPTCPConnection alice = connect("alice", "desk", server.port());
            XMPPTCPConnection bob = connect("bob", "phone", server.port());
            XMPPTCPConnection bobLaptop = connect("bob", "laptop", server.port());
            try {
                MultiUserChat aliceRoom = MultiUserChatManager.getInstanceFor(alice).getMultiUserChat(roomJid);
                aliceRoom.create(Resourcepart.from("Alice")).makeInstant();
                BlockingQueue<Stanza> seen = new LinkedBlockingQueue<>();
                aliceRoom.addParticipantListener(seen::add);
                aliceRoom.addMessageListener(seen::add);
                assertThat(ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(roomJid)
                        .containsFeature(OCCUPANT_ID)).isTrue();

                MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(roomJid);
                bobRoom.join(Resourcepart.from("Bob"));
                bobsId = occupantId(next(seen, roomJid, "Bob"));
                assertThat(bobsId).isNotBlank().doesNotContain("bob");

                bobRoom.sendMessage("hello");
                assertThat(occupantId(next(seen, roomJid, "Bob"))).isEqualTo(bobsId);

                bobRoom.changeNickname(Resourcepart.from("Robert"));
                assertThat(occupantId(next(seen, roomJid, "Robert"))).isEqualTo(bobsId);

                // Self-ping: Bob's client answers no pings now, so only the room can say "result".
                bob.unregisterIQRequestHandler(Ping.ELEMENT, Ping.NAMESPACE, IQ.Type.get);
                EntityFullJid robert = JidCreate.entityFullFrom(roomJid + "/Robert");
                assertThat(ServiceDiscoveryManager.getInstanceFor(bob).discoverInfo(roomJid)
                        .containsFeature("http://jabber.org/protocol/muc#self-ping-optimization")).isTrue();
                IQ pong = bob.sendIqRequestAndWaitForResponse(new Ping(robert));
                assertThat(pong.getType()).isEqualTo(IQ.Type.result);
                assertThat(PingManager.getInstanceFor(bob).ping(robert)).isTrue();

                // Bob's laptop is not in the room: not-acceptable, from the room.
                XMPPException.XMPPErrorException notJoined = catchThrowableOfType(
                        () -> bobLaptop.sendIqRequestAndWaitForResponse(new Ping(robert)),
                        XMPPException.XMPPErrorException.class);
                assertThat(notJoined.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.not_acceptable);
                assertThat(notJoined.getStanzaError().getErrorGenerator()).isEqualTo(roomJid.toString());

                // Bob's other client, under another nickname: the same bare JID, the same id.
                MultiUserChatManager.getInstanceFor(bobLaptop).getMultiUserChat(roomJid)
                        .join(Resourcepart.from("Bobby"));
                assertThat(occupantId(next(seen, roomJid, "Bobby"))).isEqualTo(bobsId);
                bobRoom.leave();
                Stanza left = next(seen, roomJid, "Robert");
                assertThat(left.toXML().toString()).contains("type='unavailable'");
                assertThat(occupantId(left)).isEqualTo(bobsId);
            } finally {
                alice.disconnect();
                bob.disconnect();
                bobLaptop.disconnect();
            }
        }

        // A restart keeps the service's secret (SQLite), so the same user keeps the same id.
        try (Server server = start()) {
            XMPPTCPConnection alice = connect("alice", "desk", server.port());
            XMPPTCPConnection bob = connect("bob", "phone", server.port());
            try {
                MultiUserChat aliceRoom = MultiUserChatManager.getInstanceFor(alice).getMultiUserChat(roomJid);
                aliceRoom.create(Resourcepart.from("Alice")).makeInstant();
                BlockingQueue<Stanza> seen = new LinkedBlockingQueue<>();
                aliceRoom.addParticipantListener(seen::add);
                MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(roomJid).join(Resourcepart.from("B"));
                assertThat(occupantId(next(seen, roomJid, "B"))).isEqualTo(bobsId);
            } finally {
                alice.disconnect();
                bob.disconnect();
            }
        }
    }
}
