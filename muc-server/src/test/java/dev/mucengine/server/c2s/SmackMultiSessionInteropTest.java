package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.server.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Interop: one account in a room from two clients (Smack 4.5.0-beta5, two
 * {@code XMPPTCPConnection}s with different resources) under one nickname, on {@code serve}
 * (XEP-0045 §7.2.8). Both join through {@code MultiUserChat}; a third user sees one occupant;
 * both sessions get a groupchat message; the occupant stays while one session is left and goes
 * with the last.
 */
class SmackMultiSessionInteropTest {

    private static final String PASSWORD = "secret";

    @TempDir
    Path dir;

    private XMPPTCPConnection connect(String user, String resource, int port) throws Exception {
        return SmackClients.loggedIn(port, user, PASSWORD, resource);
    }

    @Test
    void twoClientsOfOneAccountAreOneOccupant() throws Exception {
        // See SmackMucInteropTest: Smack's StAX parser asserts on default-namespace extensions.
        getClass().getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        Path accounts = Files.writeString(dir.resolve("accounts"), "alice:" + PASSWORD + "\nbob:" + PASSWORD + "\n");
        try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(),
                Optional.of(accounts), false, new StoreLocation.Directory(dir.resolve("data")), ServeLimits.DEFAULTS))) {
            XMPPTCPConnection bob = connect("bob", "desk", server.port());
            XMPPTCPConnection desk = connect("alice", "desk", server.port());
            XMPPTCPConnection phone = connect("alice", "phone", server.port());
            try {
                EntityBareJid roomJid = JidCreate.entityBareFrom("kitchen@conference.localhost");
                EntityFullJid alice = JidCreate.entityFullFrom(roomJid, Resourcepart.from("Alice"));
                MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(roomJid);
                bobRoom.create(Resourcepart.from("Bob")).makeInstant();
                List<Presence> aboutAlice = new CopyOnWriteArrayList<>();
                bobRoom.addParticipantListener(p -> {
                    if (p.getFrom().equals(alice)) {
                        aboutAlice.add(p);
                    }
                });

                MultiUserChat deskRoom = MultiUserChatManager.getInstanceFor(desk).getMultiUserChat(roomJid);
                deskRoom.join(Resourcepart.from("Alice"));
                MultiUserChat phoneRoom = MultiUserChatManager.getInstanceFor(phone).getMultiUserChat(roomJid);
                phoneRoom.join(Resourcepart.from("Alice"));
                assertThat(phoneRoom.isJoined()).isTrue();
                assertThat(phoneRoom.getNickname()).isEqualTo(Resourcepart.from("Alice"));

                CountDownLatch bothGotIt = new CountDownLatch(2);
                deskRoom.addMessageListener(m -> bothGotIt.countDown());
                phoneRoom.addMessageListener(m -> bothGotIt.countDown());
                bobRoom.sendMessage("Hello, Alice");
                assertThat(bothGotIt.await(10, TimeUnit.SECONDS)).as("both sessions got the message").isTrue();

                // Bob's own message came back to him after every presence about Alice: he has
                // seen all there is, and it is one occupant, entered once.
                assertThat(bobRoom.getOccupants()).containsExactlyInAnyOrder(
                        JidCreate.entityFullFrom(roomJid, Resourcepart.from("Bob")), alice);
                assertThat(aboutAlice).hasSize(1);
                assertThat(aboutAlice.get(0).getType()).isEqualTo(Presence.Type.available);

                phoneRoom.leave();
                bobRoom.sendMessage("Still there?");
                awaitEcho(bobRoom, "Still there?");
                assertThat(aboutAlice).as("one session left: Alice is still in").hasSize(1);
                assertThat(bobRoom.getOccupants()).contains(alice);

                deskRoom.leave();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (bobRoom.getOccupants().contains(alice) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(bobRoom.getOccupants()).as("the last session left: so did Alice").doesNotContain(alice);
                assertThat(aboutAlice).hasSize(2);
                assertThat(aboutAlice.get(1).getType()).isEqualTo(Presence.Type.unavailable);
            } finally {
                phone.disconnect();
                desk.disconnect();
                bob.disconnect();
            }
        }
    }

    /** Waits until Bob's own message comes back: everything the room sent before it has arrived. */
    private static void awaitEcho(MultiUserChat room, String body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var m = room.pollMessage();
            if (m != null && body.equals(m.getBody())) {
                return;
            }
            if (m == null) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no echo of " + body);
    }
}
