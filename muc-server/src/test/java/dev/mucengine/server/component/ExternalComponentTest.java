package dev.mucengine.server.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class ExternalComponentTest {

    private static final String DOMAIN = "muc.localhost";
    private static final String SECRET = "s3cret";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final String JOIN = "<presence from='romeo@localhost/pda' to='room@muc.localhost/Romeo'>"
            + "<x xmlns='http://jabber.org/protocol/muc'/></presence>";

    private FakeComponentServer server;
    private ExternalComponent component;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeComponentServer(DOMAIN, SECRET);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (component != null) {
            // stop() is bounded by the close grace when the server no longer answers.
            component.stop();
        }
        server.close();
    }

    private ExternalComponent start(String secret) {
        return start(secret, XmlLimits.DEFAULTS);
    }

    private ExternalComponent start(String secret, XmlLimits limits) {
        return start(secret, limits, ComponentSettings.DEFAULT_OUTBOUND_BYTES);
    }

    private ExternalComponent start(String secret, XmlLimits limits, long outboundBytes) {
        ComponentSettings settings = new ComponentSettings("127.0.0.1", server.port(),
                JidCreate.domainBareFromOrThrowUnchecked(DOMAIN), secret, limits,
                new ReconnectPolicy(Duration.ofMillis(10), Duration.ofMillis(10), 1.0),
                outboundBytes, Duration.ofSeconds(30), Duration.ofSeconds(5));
        InMemoryRoomStore store = new InMemoryRoomStore();
        MucService engine = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked(DOMAIN)),
                store, IdSource.sequential("c-"));
        // As the component command does: one engine thread per core, the rooms partitioned over them.
        component = ExternalComponent.start(settings, engine, store,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), log::add,
                ConfinedEngine.defaultThreads());
        return component;
    }

    @Test
    void handshakeSendsTheSha1OfStreamIdAndSecretForOurDomain() throws Exception {
        start(SECRET);
        FakeComponentServer.Session session = server.nextSession();

        assertThat(session.componentHeader.contentNamespace()).isEqualTo("jabber:component:accept");
        assertThat(session.componentHeader.to()).contains(DOMAIN);
        assertThat(session.digest).isEqualTo(FakeComponentServer.sha1Hex(session.streamId + SECRET))
                .matches("[0-9a-f]{40}");
        assertThat(session.accepted).isTrue();
    }

    @Test
    void aWrongSecretIsRejectedAndTheComponentGivesUp() throws Exception {
        start("wrong");
        FakeComponentServer.Session session = server.nextSession();

        assertThat(session.accepted).isFalse();
        ExternalComponent.Outcome outcome = component.awaitOutcome();
        assertThat(outcome).isInstanceOfSatisfying(ExternalComponent.Outcome.Failed.class,
                f -> assertThat(f.reason()).contains("not-authorized"));
        assertThat(log).anySatisfy(line -> assertThat(line).contains("not-authorized").contains("giving up"));
    }

    @Test
    void aJoinRoutedByTheServerComesBackAsSelfPresence() throws Exception {
        start(SECRET);
        FakeComponentServer.Session session = server.nextSession();

        session.send(JOIN);

        Element self = session.nextElement();
        assertThat(self.localName()).isEqualTo("presence");
        assertThat(self.attribute("from")).contains("room@muc.localhost/Romeo");
        assertThat(self.attribute("to")).contains("romeo@localhost/pda");
        assertThat(statusCodes(self)).contains("110", "201");
    }

    @Test
    void reconnectsAfterTheServerDropsTheConnectionAndKeepsTheRooms() throws Exception {
        start(SECRET);
        FakeComponentServer.Session first = server.nextSession();
        // Groupchat 1.0 join: an instant room, open for Juliet at once.
        first.send("<presence from='romeo@localhost/pda' to='room@muc.localhost/Romeo'/>");
        assertThat(statusCodes(first.nextPresence())).contains("201");

        first.drop();
        FakeComponentServer.Session second = server.nextSession();

        assertThat(second.accepted).isTrue();
        second.send("<presence from='juliet@localhost/balcony' to='room@muc.localhost/Juliet'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/></presence>");
        // The room survived the reconnect: Juliet first sees Romeo, who is still in it.
        Element romeo = second.nextPresence();
        assertThat(romeo.attribute("from")).contains("room@muc.localhost/Romeo");
        assertThat(romeo.attribute("to")).contains("juliet@localhost/balcony");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("connection lost"));
    }

    /** A component started with the right secret, and a session in which Romeo has joined a room. */
    private FakeComponentServer.Session joined() throws InterruptedException, IOException {
        start(SECRET);
        FakeComponentServer.Session session = server.nextSession();
        session.send(JOIN);
        assertThat(statusCodes(session.nextPresence())).contains("110");
        return session;
    }

    @Test
    void stopSendsShutdownPresencesThenClosesTheStream() throws Exception {
        FakeComponentServer.Session session = joined();

        CompletableFuture<ExternalComponent.Outcome> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return component.stop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        Element goodbye = session.nextPresence();
        assertThat(goodbye.attribute("type")).contains("unavailable");
        assertThat(goodbye.attribute("to")).contains("romeo@localhost/pda");
        assertThat(statusCodes(goodbye)).contains("332");
        assertThat(session.nextEvent()).isInstanceOf(StreamEvent.StreamClosed.class);
        assertThat(stopped.get(20, TimeUnit.SECONDS)).isInstanceOf(ExternalComponent.Outcome.Stopped.class);
        component = null;
    }

    @Test
    void anOversizedStanzaFromTheServerIsAPolicyViolationAndTheComponentReconnects() throws Exception {
        start(SECRET, new XmlLimits(1024, 32, 64, 1024, 1024));
        FakeComponentServer.Session first = server.nextSession();

        first.send("<message from='romeo@localhost/pda' to='room@muc.localhost'><body>"
                + "x".repeat(4096) + "</body></message>");

        Element error = first.nextElement();
        assertThat(error.is("http://etherx.jabber.org/streams", "error")).isTrue();
        assertThat(error.child("urn:ietf:params:xml:ns:xmpp-streams", "policy-violation")).isPresent();
        assertThat(first.nextEvent()).isInstanceOf(StreamEvent.StreamClosed.class);
        assertThat(server.nextSession().accepted).isTrue();
    }

    /**
     * Back-pressure (issue 12): while the server does not read, the engine thread that sends
     * waits for room in the link's bounded output instead of dropping anything, the link stops
     * reading once the engine's queue is full, and TCP pushes back on the server. When the server
     * reads again, every reflected message arrives, in order, and the link goes on.
     */
    @Test
    void aServerThatStopsReadingMakesTheEngineWaitAndLosesNothing() throws Exception {
        start(SECRET, XmlLimits.DEFAULTS, 16 * 1024);
        FakeComponentServer.Session session = server.nextSession();
        // Groupchat 1.0 join: an instant room, then its subject, the last thing the join brings.
        session.send("<presence from='romeo@localhost/pda' to='room@muc.localhost/Romeo'/>");
        while (session.nextElement().child("jabber:client", "subject").isEmpty()) {
            // the self-presence
        }
        session.stopReading();

        int count = 5_000; // 20 MB each way: far more than the output bound, the engine's queue and the sockets hold
        String filler = "x".repeat(4096);
        CompletableFuture<Void> routed = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    session.send("<message from='romeo@localhost/pda' to='room@muc.localhost' type='groupchat'>"
                            + "<body>" + i + " " + filler + "</body></message>");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        awaitEngineWaitingForRoom();
        assertThat(routed).as("the link stopped reading: TCP pushes back on the server").isNotDone();

        session.readAgain();
        routed.get(60, TimeUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            Element reflected = session.nextElement();
            assertThat(reflected.localName()).isEqualTo("message");
            String prefix = i + " ";
            assertThat(reflected.childText("jabber:client", "body")).as("message %d, in order", i)
                    .hasValueSatisfying(body -> assertThat(body).startsWith(prefix));
        }
        session.send("<iq type='get' id='after' from='romeo@localhost/pda' to='muc.localhost'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        assertThat(session.nextElement().attribute("id")).as("the link goes on").contains("after");
    }

    /** No thread per connection (issue 12): the link runs on one selector thread, across reconnections. */
    @Test
    void theLinkRunsOnOneSelectorThreadWithoutReaderOrWriterThreads() throws Exception {
        FakeComponentServer.Session first = joined();
        first.drop();
        FakeComponentServer.Session second = server.nextSession();
        second.send("<iq type='get' id='ping' from='romeo@localhost/pda' to='muc.localhost'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>");
        assertThat(second.nextElement().attribute("id")).contains("ping");

        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .as("the component's threads besides the engine's")
                .filteredOn(n -> n.startsWith("component"))
                .containsExactly("component-selector");
    }

    /** Waits until an engine thread is waiting for room in the link's output (a guard, not a timing). */
    private static void awaitEngineWaitingForRoom() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() - deadline < 0) {
            for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
                if (t.getKey().getName().startsWith("muc-engine") && t.getKey().getState() == Thread.State.WAITING
                        && Arrays.stream(t.getValue()).anyMatch(f -> f.getClassName().endsWith("ChannelOutput")
                                && f.getMethodName().equals("awaitRoom"))) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no engine thread waited for room within 20 s");
    }

    private static List<String> statusCodes(Element presence) {
        return presence.children(MUC_USER, "x").stream()
                .flatMap(x -> x.children(MUC_USER, "status").stream())
                .map(s -> s.attribute("code").orElse(""))
                .toList();
    }
}
