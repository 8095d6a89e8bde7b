package dev.mucengine.bench;

import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StanzaTemplate;
import dev.mucengine.xml.XmlSerializer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A fan-out to a room of N occupants serialized for the wire: every copy serialized
 * ({@code XmlSerializer}, what {@code serve} did before issue 12) against one
 * {@link StanzaTemplate} and N splices (what muc-server's {@code FanoutSerializer} does now), for
 * a groupchat message and for a presence broadcast (a status change), as the engine made the
 * copies. The {@code engine...} variants include the engine's handling of the input: the whole
 * cost per delivery up to the writer's queue. Divide by N for one delivery.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanoutSerializationBenchmark {

    @Param({"50", "200"})
    public int occupants;

    @Param({"groupchat", "presence"})
    public String fanout;

    private final XmlSerializer serializer = new XmlSerializer();
    private MucService service;
    private List<Stanza> inputs;
    private int next;
    private List<Stanza> copies;

    @Setup
    public void enterRoom() {
        service = Rooms.roomWith(occupants);
        inputs = fanout.equals("groupchat")
                ? List.of(Rooms.groupchat(0, "Hello, room: a message of a usual length, some sixty characters."))
                : List.of(Rooms.status(0, "away", "Gone for lunch"), Rooms.status(0, "chat", "Back at the desk"));
        copies = service.handle(inputs.get(0), Rooms.NOW).stanzas();
        if (copies.size() != occupants) { // measure the real path, not an error reply
            throw new IllegalStateException(copies.size() + " copies for " + occupants + " occupants");
        }
        System.out.println(fanout + " copy: " + serializer.toBytesInStream(copies.get(0).element(),
                Stanza.CLIENT_NAMESPACE).length + " bytes");
    }

    @Benchmark
    public void serializeEach(Blackhole sink) {
        serializeEach(copies, sink);
    }

    @Benchmark
    public void serializeOnce(Blackhole sink) {
        serializeOnce(copies, sink);
    }

    @Benchmark
    public void engineThenSerializeEach(Blackhole sink) {
        serializeEach(service.handle(nextInput(), Rooms.NOW).stanzas(), sink);
    }

    @Benchmark
    public void engineThenSerializeOnce(Blackhole sink) {
        serializeOnce(service.handle(nextInput(), Rooms.NOW).stanzas(), sink);
    }

    private Stanza nextInput() {
        next = (next + 1) % inputs.size();
        return inputs.get(next);
    }

    private void serializeEach(List<Stanza> stanzas, Blackhole sink) {
        for (Stanza s : stanzas) {
            sink.consume(serializer.toBytesInStream(s.element(), Stanza.CLIENT_NAMESPACE));
        }
    }

    /** FanoutSerializer's loop: the last template, replaced when a copy does not fit it. */
    private static void serializeOnce(List<Stanza> stanzas, Blackhole sink) {
        @Nullable StanzaTemplate template = null;
        for (Stanza s : stanzas) {
            Element e = s.element();
            if (template == null || !template.differsOnlyInTo(e)) {
                template = StanzaTemplate.of(e, Stanza.CLIENT_NAMESPACE);
            }
            sink.consume(template.addressedTo(e.attribute("to").orElseThrow()));
        }
    }
}
