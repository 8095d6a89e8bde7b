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
 * instant room (XEP-0045 §10.1.2), the second joins it. With {@code --histogram} it also prints
 * the top of the JVM's class histogram with the rooms alive, to show where the bytes go.
 */
public final class RoomHeap {

    private static final int SAMPLES = 5;
    private static final XmlParser PARSER = new XmlParser();

    private RoomHeap() {
    }

    public static void main(String[] args) throws JMException {
        int rooms = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 5_000;
        boolean histogram = Arrays.asList(args).contains("--histogram");
        MucService service = new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked(
                "conference.localhost")), new InMemoryRoomStore(), IdSource.sequential("h-"));
        fill(service, 0, 50); // warm up: classes loaded, caches filled, before the empty sample
        long before = liveHeap();
        fill(service, 50, rooms);
        long after = liveHeap();
        double perRoom = (after - before) / (double) rooms;
        System.out.printf("%d rooms x 2 occupants: %.0f bytes of live heap per room (%.1f MB in all)%n",
                rooms, perRoom, (after - before) / 1e6);
        if (histogram) {
            System.out.println(classHistogram(40));
        }
        if (service.handle(join(0, 1), Rooms.NOW.plusSeconds(rooms)).stanzas().isEmpty()) { // keeps the rooms reachable
            throw new IllegalStateException("the service forgot its rooms");
        }
    }

    /** Rooms {@code from} to {@code to - 1}, each with two occupants. */
    private static void fill(MucService service, int from, int to) {
        for (int r = from; r < to; r++) {
            Instant now = Rooms.NOW.plusSeconds(r); // a room a second: rooms are made over time, not at once
            expect(service.handle(join(r, 0), now).stanzas().size() >= 1, r);
            service.handle(instantRoom(r), now);
            // The joiner hears of both occupants and the subject, the first occupant of the joiner.
            expect(service.handle(join(r, 1), now).stanzas().size() == 4, r);
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

    /** A join as a client sends it, parsed from its bytes as a server would. */
    private static Presence join(int room, int user) {
        String xml = "<presence xmlns='jabber:client' from='user" + user + "-" + room + "@localhost/phone' to='"
                + roomName(room) + "/u" + user + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://conversations.im'"
                + " ver='K8A3Xq1tbjB+HqjQ5ptYFB2/1mQ='/></presence>";
        ParseResult parsed = PARSER.parse(xml.getBytes(StandardCharsets.UTF_8));
        return (Presence) ((StanzaResult.Valid) Stanza.parse(((ParseResult.Parsed) parsed).element())).stanza();
    }

    /** The owner accepts the default configuration (XEP-0045 §10.1.2). */
    private static Iq instantRoom(int room) {
        return Iq.builder(IqType.SET).from(jid("user0-" + room + "@localhost/phone")).to(jid(roomName(room)))
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
