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

/**
 * The engine alone: one occupant of a room of N changes its status (XEP-0045 §7.7), a presence
 * broadcast to all N (N - 1 others and its own copy with status 110). It alternates between two
 * statuses so that every operation is a change. Divide by N for the cost of one delivery.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PresenceBenchmark {

    @Param({"2", "50", "200"})
    public int occupants;

    private MucService service;
    private Presence away;
    private Presence back;
    private boolean isAway;

    @Setup
    public void enterRoom() {
        service = Rooms.roomWith(occupants);
        away = Rooms.status(0, "away", "Gone for lunch");
        back = Rooms.status(0, "chat", "Back at the desk");
        int told = service.handle(away, Rooms.NOW).stanzas().size();
        service.handle(back, Rooms.NOW);
        if (told != occupants) { // measure the real path, not an error reply
            throw new IllegalStateException(told + " presences for " + occupants + " occupants");
        }
    }

    @Benchmark
    public Effects statusChange() {
        isAway = !isAway;
        return service.handle(isAway ? away : back, Rooms.NOW);
    }
}
