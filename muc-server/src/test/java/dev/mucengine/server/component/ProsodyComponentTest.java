package dev.mucengine.server.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.server.ConfinedEngine;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The component for real: Debian's Prosody routes two Smack clients' MUC traffic to the engine
 * over XEP-0114. Needs {@code prosody} installed and the right to start it, so it only runs when
 * enabled with {@code -Dmucengine.prosody=true} (or {@code MUCENGINE_PROSODY=true}), as
 * {@code .ci/run} does; otherwise it is skipped with that message.
 */
class ProsodyComponentTest {

    private static final String ENABLE_PROPERTY = "mucengine.prosody";
    private static final String DOMAIN = "muc.localhost";
    private static final String SECRET = "component-test-secret";
    private static final long WAIT_SECONDS = 30;

    private static ProsodyServer prosody;
    private static ExternalComponent component;
    private static final List<String> componentLog = new CopyOnWriteArrayList<>();
    private static final List<XMPPTCPConnection> clients = new ArrayList<>();

    private static boolean enabled() {
        return Boolean.getBoolean(ENABLE_PROPERTY) || "true".equalsIgnoreCase(System.getenv("MUCENGINE_PROSODY"));
    }

    @BeforeAll
    static void startProsodyAndComponent() throws Exception {
        if (!enabled()) {
            return; // each test reports the skip, with its reason (an abort here would hide them)
        }
        // See SmackMucInteropTest: Smack's StAX parser asserts on default-namespace extensions;
        // run alone, this test met that assertion before any other test had turned it off.
        ProsodyComponentTest.class.getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        ProsodyServer.ensureInstalled();

        prosody = ProsodyServer.start(DOMAIN, SECRET, List.of("alice", "bob"));
        DomainBareJid domain = JidCreate.domainBareFrom(DOMAIN);
        CountDownLatch connected = new CountDownLatch(1);
        InMemoryRoomStore store = new InMemoryRoomStore();
        component = ExternalComponent.start(
                ComponentSettings.of("127.0.0.1", prosody.componentPort(), domain, SECRET),
                new MucService(ServiceConfig.of(domain), store, IdSource.sequential("it-")), store,
                Clock.systemUTC(), line -> {
                    componentLog.add(line);
                    if (line.startsWith("connected")) {
                        connected.countDown();
                    }
                }, ConfinedEngine.defaultThreads()); // as the component command: one engine thread per core
        assertThat(connected.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("component connected; its log: %s; Prosody's: %s", componentLog, prosody.log()).isTrue();
    }

    @BeforeEach
    void onlyWhenEnabled() {
        assumeThat(enabled()).as("Prosody integration test disabled: run with -D" + ENABLE_PROPERTY
                + "=true (or MUCENGINE_PROSODY=true) and Prosody installed, as .ci/run does").isTrue();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (XMPPTCPConnection c : clients) {
            c.disconnect();
        }
        if (component != null) {
            component.stop();
        }
        if (prosody != null) {
            prosody.close();
        }
    }

    @Test
    void twoClientsChatInARoomServedThroughProsody() throws Exception {
        EntityBareJid roomJid = JidCreate.entityBareFrom("room@" + DOMAIN);
        MultiUserChat alice = MultiUserChatManager.getInstanceFor(login("alice")).getMultiUserChat(roomJid);
        MultiUserChat bob = MultiUserChatManager.getInstanceFor(login("bob")).getMultiUserChat(roomJid);
        BlockingQueue<Message> aliceReceived = new LinkedBlockingQueue<>();
        BlockingQueue<Message> bobReceived = new LinkedBlockingQueue<>();
        alice.addMessageListener(aliceReceived::add);
        bob.addMessageListener(bobReceived::add);

        BlockingQueue<String> aliceSeesJoining = new LinkedBlockingQueue<>();
        alice.addParticipantListener(p -> aliceSeesJoining.add(p.getFrom().toString()));

        alice.create(Resourcepart.from("Alice")).makeInstant();
        bob.join(Resourcepart.from("Bob"));
        // join() returns on Bob's own presence; Smack files each presence into the occupant list
        // from a listener of its own, which may not have run yet: wait for it, within a bound.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (bob.getOccupants().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bob.getOccupants()).extracting(Object::toString)
                .containsExactlyInAnyOrder("room@muc.localhost/Alice", "room@muc.localhost/Bob");
        // Alice learns of Bob asynchronously; her own presences may come first.
        String joined;
        do {
            joined = aliceSeesJoining.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(joined).as("Bob's presence at Alice within %d s", WAIT_SECONDS).isNotNull();
        } while (!joined.equals("room@muc.localhost/Bob"));

        alice.sendMessage("Hello Bob");
        Message atBob = awaitBody(bobReceived, "Hello Bob");
        assertThat(atBob.getFrom().toString()).isEqualTo("room@muc.localhost/Alice");
        assertThat(atBob.getType()).isEqualTo(Message.Type.groupchat);

        bob.sendMessage("Hi Alice");
        Message atAlice = awaitBody(aliceReceived, "Hi Alice");
        assertThat(atAlice.getFrom().toString()).isEqualTo("room@muc.localhost/Bob");
        assertThat(atAlice.getType()).isEqualTo(Message.Type.groupchat);
        // The room reflects a message to its sender too.
        assertThat(awaitBody(bobReceived, "Hi Alice").getFrom().toString()).isEqualTo("room@muc.localhost/Bob");
    }

    private static XMPPTCPConnection login(String user) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost")
                .setHostAddress(InetAddress.getLoopbackAddress())
                .setPort(prosody.clientPort())
                .setUsernameAndPassword(user, "password")
                .setResource("test")
                .setSecurityMode(SecurityMode.disabled) // loopback test server without certificates
                .build());
        clients.add(c);
        c.connect().login();
        return c;
    }

    /**
     * Waits for the message with {@code body}; messages before it (the subject, one's own
     * reflected message) are skipped: the exact interleaving is the room's business, not this test's.
     */
    private static Message awaitBody(BlockingQueue<Message> queue, String body) throws InterruptedException {
        while (true) {
            Message m = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(m).as("a groupchat message '%s' within %d s", body, WAIT_SECONDS).isNotNull();
            if (body.equals(m.getBody())) {
                return m;
            }
        }
    }
}
