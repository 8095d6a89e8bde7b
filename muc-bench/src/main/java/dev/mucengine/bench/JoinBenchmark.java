package dev.mucengine.bench;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.stanza.Presence;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine alone: one user enters a room of N occupants and leaves again (a join must be
 * undone to be repeated). Each is a presence broadcast to N occupants plus the joiner's own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JoinBenchmark {

    @Param({"2", "50", "200"})
    public int occupants;

    private MucService service;
    private Presence join;
    private Presence leave;

    @Setup
    public void fillRoom() {
        service = Rooms.roomWith(occupants);
        join = Rooms.join(occupants);
        leave = Rooms.leave(occupants);
        int told = service.handle(join, Rooms.NOW).stanzas().size();
        service.handle(leave, Rooms.NOW);
        if (told < occupants + 1) { // everyone hears of the newcomer, who hears of everyone
            throw new IllegalStateException(told + " stanzas for a join into " + occupants + " occupants");
        }
    }

    @Benchmark
    public void joinAndLeave(Blackhole sink) {
        Effects entered = service.handle(join, Rooms.NOW);
        Effects left = service.handle(leave, Rooms.NOW);
        sink.consume(entered);
        sink.consume(left);
    }
}
