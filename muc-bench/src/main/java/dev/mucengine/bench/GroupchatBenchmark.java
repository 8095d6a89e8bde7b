package dev.mucengine.bench;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Message;
import java.util.concurrent.TimeUnit;
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

/**
 * The engine alone (no sockets, no serialization): one groupchat message into a room of N
 * occupants, reflected to all N. Divide the time (and, with {@code -prof gc}, the bytes
 * allocated) per operation by N for the cost of one delivery.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GroupchatBenchmark {

    @Param({"2", "50", "200"})
    public int occupants;

    private MucService service;
    private Message message;

    @Setup
    public void enterRoom() {
        service = Rooms.roomWith(occupants);
        message = Rooms.groupchat(0, "Hello, room: a message of a usual length, some sixty characters.");
        int delivered = service.handle(message, Rooms.NOW).stanzas().size();
        if (delivered != occupants) { // measure the real path, not an error reply
            throw new IllegalStateException(delivered + " deliveries for " + occupants + " occupants");
        }
    }

    @Benchmark
    public Effects groupchat() {
        return service.handle(message, Rooms.NOW);
    }
}
