package dev.mucengine.bench;

import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StanzaTemplate;
import dev.mucengine.xml.XmlSerializer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cross-check of {@link FanoutSerializationBenchmark} for a busy shared machine, where JMH's
 * wall-clock times mostly measure the other processes: the same work timed in the thread's own
 * CPU time, per copy, after two warm-up rounds. Not JMH (no forks, no dead-code guards beyond a
 * checksum), so only the ratios between modes are worth reading.
 *
 * <pre>java -cp muc-bench/target/benchmarks.jar dev.mucengine.bench.FanoutCpuTime 50 groupchat</pre>
 */
public final class FanoutCpuTime {

    private static final String[] MODES = {"serializeEach", "serializeOnce", "engine", "engine+serializeEach",
        "engine+serializeOnce"};
    private static final XmlSerializer SERIALIZER = new XmlSerializer();

    private FanoutCpuTime() {
    }

    /**
     * @param args the number of occupants, and {@code groupchat} or {@code presence}
     */
    public static void main(String[] args) {
        int occupants = Integer.parseInt(args[0]);
        boolean groupchat = args[1].equals("groupchat");
        MucService service = Rooms.roomWith(occupants);
        List<Stanza> inputs = groupchat
                ? List.of(Rooms.groupchat(0, "Hello, room: a message of a usual length, some sixty characters."))
                : List.of(Rooms.status(0, "away", "Gone for lunch"), Rooms.status(0, "chat", "Back at the desk"));
        List<Stanza> copies = service.handle(inputs.get(0), Rooms.NOW).stanzas();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int repetitions = Math.max(1, 400_000 / occupants);
        long checksum = 0;
        for (int round = 0; round < 3; round++) {
            for (String mode : MODES) {
                long start = threads.getCurrentThreadCpuTime();
                for (int r = 0; r < repetitions; r++) {
                    List<Stanza> out = copies;
                    if (mode.startsWith("engine")) {
                        out = service.handle(inputs.get(r % inputs.size()), Rooms.NOW).stanzas();
                    }
                    checksum += mode.endsWith("Each") ? serializeEach(out) : mode.endsWith("Once") ? serializeOnce(out)
                            : out.size();
                }
                long nanos = threads.getCurrentThreadCpuTime() - start;
                if (round == 2) {
                    System.out.printf("%s, %d occupants, %s: %.0f ns CPU per copy%n", args[1], occupants, mode,
                            nanos / (double) repetitions / occupants);
                }
            }
        }
        System.out.println("(checksum " + checksum + ")");
    }

    private static long serializeEach(List<Stanza> stanzas) {
        long bytes = 0;
        for (Stanza s : stanzas) {
            bytes += SERIALIZER.toBytesInStream(s.element(), Stanza.CLIENT_NAMESPACE).length;
        }
        return bytes;
    }

    private static long serializeOnce(List<Stanza> stanzas) {
        long bytes = 0;
        @Nullable StanzaTemplate template = null;
        for (Stanza s : stanzas) {
            Element e = s.element();
            if (template == null || !template.differsOnlyInTo(e)) {
                template = StanzaTemplate.of(e, Stanza.CLIENT_NAMESPACE);
            }
            bytes += template.addressedTo(e.attribute("to").orElseThrow()).length();
        }
        return bytes;
    }
}
