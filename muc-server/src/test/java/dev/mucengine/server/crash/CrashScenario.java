package dev.mucengine.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.load.ServeProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Traffic against a {@code serve} process that is then killed (SIGKILL) or stopped (SIGTERM), over
 * several rounds on the same store, and the audit afterwards. Each round: the owner enters the
 * rooms (creating them persistent in the first round) and, until the end, renames the first room
 * and adds members to the second, noting which changes were acknowledged; senders flood both
 * rooms; every client records what it received. At a random moment the server goes down.
 */
final class CrashScenario {

    static final List<String> ROOMS = List.of("annals@conference.localhost", "ledger@conference.localhost");
    static final String PASSWORD = "pw";
    private static final int SENDERS = 3;
    private static final int WINDOW = 10;

    /** How the server goes down. */
    enum Stop { KILL, TERM }

    private final Path jar;
    private final Path accounts;
    private final List<String> storeArgs;
    private final Map<String, String> environment;
    private final Random random;
    private final List<RecordingClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> sentNames = new CopyOnWriteArrayList<>();
    private final List<String> ackedNames = new CopyOnWriteArrayList<>();
    private final Set<String> ackedMembers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int round;

    CrashScenario(Path jar, Path dir, List<String> storeArgs, Map<String, String> environment, long seed)
            throws IOException {
        this.jar = jar;
        this.storeArgs = storeArgs;
        this.environment = environment;
        this.random = new Random(seed);
        StringBuilder lines = new StringBuilder("owner:" + PASSWORD + "\n");
        for (int i = 0; i < SENDERS; i++) {
            lines.append("sender").append(i).append(':').append(PASSWORD).append('\n');
        }
        this.accounts = java.nio.file.Files.writeString(dir.resolve("accounts"), lines);
    }

    ServeProcess start() throws IOException, InterruptedException {
        return ServeProcess.start(jar, accounts, storeArgs, List.of("-Xmx256m"), environment);
    }

    /** One round: traffic, then the server goes down at a random moment. */
    void round(Stop stop) throws Exception {
        round++;
        long started = System.nanoTime();
        try (ServeProcess serve = start()) {
            RecordingClient owner = RecordingClient.connect(serve.port(), "owner", PASSWORD);
            clients.add(owner);
            for (String room : ROOMS) {
                Element self = owner.join(room);
                assertThat(self.attribute("type")).as("owner enters " + room + " (round " + round + ")").isEmpty();
                boolean created = self.child(RecordingClient.MUC_USER, "x").orElseThrow().elements().stream()
                        .anyMatch(st -> st.attribute("code").filter("201"::equals).isPresent());
                assertThat(created).as(room + " is new in the first round only, stored after").isEqualTo(round == 1);
                if (round == 1) {
                    configure(owner, room, "persist-" + room, "<field var='muc#roomconfig_persistentroom'>"
                            + "<value>1</value></field>");
                }
            }
            List<RecordingClient> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                RecordingClient s = RecordingClient.connect(serve.port(), "sender" + i, PASSWORD);
                for (String room : ROOMS) {
                    s.join(room);
                }
                senders.add(s);
                clients.add(s);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            threads.add(thread("owner", () -> changes(owner, running)));
            for (RecordingClient s : senders) {
                threads.add(thread(s.nick(), () -> flood(s, running)));
            }
            Thread.sleep(300 + random.nextInt(1200));
            if (stop == Stop.KILL) {
                serve.kill();
            } else {
                serve.terminate();
            }
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
            if (stop == Stop.TERM) {
                for (RecordingClient c : List.of(owner, senders.get(0), senders.get(1), senders.get(2))) {
                    assertThat(c.shutdownRooms).as(c.nick() + " got the shutdown presence (332) of every room")
                            .containsExactlyInAnyOrderElementsOf(ROOMS);
                }
            }
            owner.close();
            for (RecordingClient s : senders) {
                s.close();
            }
        }
        System.out.printf("crash round %d (%s): %d ms, %d messages received so far%n", round, stop,
                (System.nanoTime() - started) / 1_000_000, receivedCount());
    }

    /** After the rounds: a fresh start, and everything acknowledged or received is there. */
    void audit() throws Exception {
        try (ServeProcess serve = start()) {
            RecordingClient owner = RecordingClient.connect(serve.port(), "owner", PASSWORD);
            for (String room : ROOMS) {
                owner.join(room);
            }
            RoomAudit audit = new RoomAudit(owner);
            Set<String> allIds = new HashSet<>();
            for (String room : ROOMS) {
                List<RoomAudit.Archived> archive = audit.archive(room);
                assertThat(archive).as("the archive of " + room).isNotEmpty();
                for (RoomAudit.Archived a : archive) {
                    assertThat(allIds.add(a.id())).as("archive id " + a.id() + " appears once").isTrue();
                }
                assertThat(archive.stream().map(RoomAudit.Archived::body).distinct().count())
                        .as("each message archived once").isEqualTo(archive.size());
                Map<String, String> idOfBody = new HashMap<>();
                archive.forEach(a -> idOfBody.put(a.body(), a.id()));
                for (RecordingClient c : clients) {
                    List<RecordingClient.Received> got = c.receivedIn(room);
                    for (RecordingClient.Received r : got) {
                        assertThat(idOfBody).as("a message " + c.nick() + " received in " + room + " is archived")
                                .containsEntry(r.body(), r.stanzaId());
                    }
                    assertThat(isSubsequence(got, archive)).as(c.nick() + " received them in archive order").isTrue();
                }
            }
            String name = audit.name(ROOMS.get(0));
            assertThat(name).as("the last acknowledged name, or one sent after it").isIn(namesAfterLastAck());
            assertThat(audit.members(ROOMS.get(1))).as("every acknowledged member").containsAll(ackedMembers);
            serve.terminate();
        }
    }

    int receivedCount() {
        return clients.stream().mapToInt(c -> c.received.size()).sum();
    }

    int acknowledgedChanges() {
        return ackedNames.size() + ackedMembers.size();
    }

    private List<String> namesAfterLastAck() {
        if (ackedNames.isEmpty()) {
            List<String> any = new ArrayList<>(sentNames);
            any.add("");
            return any;
        }
        String last = ackedNames.get(ackedNames.size() - 1);
        return sentNames.subList(sentNames.indexOf(last), sentNames.size());
    }

    private static boolean isSubsequence(List<RecordingClient.Received> got, List<RoomAudit.Archived> archive) {
        int at = 0;
        for (RecordingClient.Received r : got) {
            while (at < archive.size() && !archive.get(at).id().equals(r.stanzaId())) {
                at++;
            }
            if (at == archive.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** The owner renames the first room and adds members to the second, noting what was acknowledged. */
    private void changes(RecordingClient owner, AtomicBoolean running) {
        try {
            for (int k = 0; running.get(); k++) {
                String name = "name-" + round + "-" + k;
                sentNames.add(name);
                if (configure(owner, ROOMS.get(0), "rename-" + round + "-" + k,
                        "<field var='muc#roomconfig_roomname'><value>" + name + "</value></field>")) {
                    ackedNames.add(name);
                }
                String member = "member-" + round + "-" + k + "@localhost";
                String id = "member-" + round + "-" + k;
                Optional<Element> answer = owner.request(id, "<iq type='set' id='" + id + "' to='" + ROOMS.get(1) + "'>"
                        + "<query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='member' jid='"
                        + member + "'/></query></iq>");
                if (answer.flatMap(a -> a.attribute("type")).filter("result"::equals).isPresent()) {
                    ackedMembers.add(member);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the server went down
        }
    }

    private static boolean configure(RecordingClient owner, String room, String id, String fields)
            throws IOException, InterruptedException {
        Optional<Element> answer = owner.request(id, "<iq type='set' id='" + id + "' to='" + room + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>" + fields
                + "</x></query></iq>");
        return answer.flatMap(a -> a.attribute("type")).filter("result"::equals).isPresent();
    }

    /** A sender alternates between the rooms, keeping a few of its messages in flight. */
    private void flood(RecordingClient sender, AtomicBoolean running) {
        long sent = 0;
        try {
            while (running.get()) {
                if (sent - sender.ownReflected.get() < WINDOW) {
                    String room = ROOMS.get((int) (sent % ROOMS.size()));
                    sender.send("<message type='groupchat' to='" + room + "'><body>" + round + "-" + sender.nick()
                            + "-" + sent + "</body></message>");
                    sent++;
                } else {
                    Thread.sleep(1);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the server went down
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, "crash-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
