package dev.mucengine.bench;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.ParseResult;
import dev.mucengine.xml.XmlParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Live heap per room (issue 12: at most 1 kB for a room with two occupants): builds {@code rooms}
 * temporary rooms of two occupants through {@link MucService#handle}, as a server would, and
 * divides the live heap they add (after full collections) by their number. Not JMH: a size, not
 * a time. Run it with a collector whose {@code System.gc()} is a full, compacting collection:
 *
 * <pre>
 * java -XX:+UseSerialGC -cp muc-bench/target/benchmarks.jar dev.mucengine.bench.RoomHeap [rooms] [--histogram]
 * </pre>
 *
 * <p>Each occupant enters the way clients do: a presence with the MUC element and a typical
 * XEP-0115 caps element, which the room keeps as the occupant's presence. The first enters an
 * instant room (XEP-0045 §10.1.2), the second joins it. Measured twice: with every address parsed
 * from the stanza, as {@code serve} does today, so that each room holds its own copies of its
 * occupants' real JIDs; and with the real JIDs the sessions' own instances, made before the
 * rooms, which is what the engine itself costs when a host shares them. With {@code --histogram}
 * it also prints the top of the JVM's class histogram with the rooms of the first measurement
 * alive, to show where the bytes go.
 */
public final class RoomHeap {

    private static final int SAMPLES = 5;
    private static final int WARM_UP = 50;
    private static final XmlParser PARSER = new XmlParser();

    private RoomHeap() {
    }

    public static void main(String[] args) throws JMException {
        int rooms = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 5_000;
        boolean histogram = Arrays.asList(args).contains("--histogram");
        measure(rooms, false, histogram);
        measure(rooms, true, false);
    }

    /**
     * @param sessionJids whether the occupants' real JIDs are the sessions' own instances, made
     *     before the rooms (as a transport that handed the engine its session's JID would make
     *     them), rather than parsed from each stanza's {@code from}
     */
    private static void measure(int rooms, boolean sessionJids, boolean histogram) throws JMException {
        List<Jid> sessions = new ArrayList<>();
        if (sessionJids) {
            for (int r = 0; r < rooms + WARM_UP; r++) {
                for (int u = 0; u < 2; u++) {
                    Jid session = user(r, u);
                    session.toString(); // a session has its JID's string form too: it stamps it on stanzas
                    sessions.add(session);
                }
            }
        }
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked(
                "conference.localhost")), new InMemoryRoomStore(), IdSource.sequential("h-"));
        fill(service, sessions, 0, WARM_UP); // classes loaded, caches filled, before the first sample
        long before = liveHeap();
        fill(service, sessions, WARM_UP, WARM_UP + rooms);
        long after = liveHeap();
        System.out.printf("%d rooms x 2 occupants, real JIDs %s: %.0f bytes of live heap per room (%.1f MB in all)%n",
                rooms, sessionJids ? "held by the sessions" : "parsed from each stanza",
                (after - before) / (double) rooms, (after - before) / 1e6);
        if (histogram) {
            System.out.println(classHistogram(40));
        }
        // Keeps the rooms, and the sessions' JIDs, reachable until after the sample.
        if (service.handle(join(0, 1, sessions), Rooms.NOW.plusSeconds(WARM_UP + rooms)).stanzas().isEmpty()
                || sessions.size() == 1) {
            throw new IllegalStateException("the service forgot its rooms");
        }
    }

    /** Rooms {@code from} to {@code to - 1}, each with two occupants. */
    private static void fill(MucService service, List<Jid> sessions, int from, int to) {
        for (int r = from; r < to; r++) {
            Instant now = Rooms.NOW.plusSeconds(r); // a room a second: rooms are made over time, not at once
            expect(service.handle(join(r, 0, sessions), now).stanzas().size() >= 1, r);
            service.handle(instantRoom(r), now);
            // The joiner hears of both occupants and the subject, the first occupant of the joiner.
            expect(service.handle(join(r, 1, sessions), now).stanzas().size() == 4, r);
        }
    }

    private static void expect(boolean condition, int room) {
        if (!condition) {
            throw new IllegalStateException("room " + room + " did not take its occupants");
        }
    }

    /** The median of several samples of used heap, each after a full collection. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            System.gc();
            samples.add(memory.getHeapMemoryUsage().getUsed());
        }
        samples.sort(null);
        return samples.get(SAMPLES / 2);
    }

    private static String classHistogram(int lines) throws JMException {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] all = text.toString().split("\n");
        return String.join("\n", Arrays.copyOf(all, Math.min(all.length, lines + 3)));
    }

    /**
     * A join as a client sends it, parsed from its bytes as a server would; from the session's
     * own JID when {@code sessions} holds them.
     */
    private static Presence join(int room, int user, List<Jid> sessions) {
        String xml = "<presence xmlns='jabber:client' from='" + user(room, user) + "' to='"
                + roomName(room) + "/u" + user + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://conversations.im'"
                + " ver='K8A3Xq1tbjB+HqjQ5ptYFB2/1mQ='/></presence>";
        ParseResult parsed = PARSER.parse(xml.getBytes(StandardCharsets.UTF_8));
        Presence presence = (Presence) ((StanzaResult.Valid) Stanza.parse(((ParseResult.Parsed) parsed).element()))
                .stanza();
        return sessions.isEmpty() ? presence
                : presence.withAddresses(sessions.get(2 * room + user), presence.to().orElseThrow());
    }

    private static Jid user(int room, int user) {
        return jid("user" + user + "-" + room + "@localhost/phone");
    }

    /** The owner accepts the default configuration (XEP-0045 §10.1.2). */
    private static Iq instantRoom(int room) {
        return Iq.builder(IqType.SET).from(user(room, 0)).to(jid(roomName(room)))
                .id("cfg").child(Element.builder("http://jabber.org/protocol/muc#owner", "query")
                        .child(Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit").build())
                        .build())
                .build();
    }

    private static String roomName(int room) {
        return "room" + room + "@conference.localhost";
    }

    private static Jid jid(String s) {
        return JidCreate.fromOrThrowUnchecked(s);
    }
}
