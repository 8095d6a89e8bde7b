package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.store.InMemoryRoomStore;
import dev.mucengine.core.xml.XmlWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drives a fresh service through a sequence of actions as a host does (changes applied to the
 * store, then stanzas delivered), and after every step checks everything the model tests and the
 * engine fuzzer share: the outputs ({@link OutputChecks}), the presence each session was told
 * ({@link PresenceLedger}), the outcome of entering ({@link JoinPrediction}) and each room's
 * invariants ({@link RoomInvariants}) on its state as audited. Returns the transcript of every
 * stanza sent, serialized, so that a replay can be compared byte for byte.
 */
final class ModelRun {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    private final MucService service = new MucService(
            ServiceConfig.of(World.SERVICE).withAdmins(Set.of(World.AUDITOR.asBareJid())), store,
            IdSource.sequential("m"));
    private final Audit audit = new Audit(service);
    private final PresenceLedger ledger = new PresenceLedger();
    private final Map<String, RoomState> states = new HashMap<>();
    private final Set<String> locked = new HashSet<>();
    private final List<String> transcript = new ArrayList<>();
    private final Set<Integer> codes = new TreeSet<>();
    private int mostOccupants;
    private Instant now = T0;

    private ModelRun() {
    }

    /**
     * What a run did, for the replay and for the properties' coverage checks.
     *
     * @param transcript every stanza sent, serialized, in order
     * @param codes every status code occupants were told
     * @param mostOccupants the most occupants any room had after a step
     */
    record Result(List<String> transcript, Set<Integer> codes, int mostOccupants) {
    }

    /** Runs {@code actions}, checking after each; an {@link AssertionError} names the step. */
    static Result run(List<Action> actions) {
        ModelRun run = new ModelRun();
        for (int i = 0; i < actions.size(); i++) {
            try {
                run.step(actions.get(i));
            } catch (AssertionError e) {
                throw new AssertionError("step " + (i + 1) + " of " + actions.size() + ", " + actions.get(i)
                        + ":\n" + e.getMessage(), e);
            }
        }
        return new Result(run.transcript, run.codes, run.mostOccupants);
    }

    private void step(Action action) {
        now = now.plusSeconds(1);
        Optional<Stanza> stanza = action.stanza();
        if (stanza.isEmpty()) {
            transcript.add("(not a stanza)");
            return;
        }
        RoomState before = states.getOrDefault(action.room(), RoomState.ABSENT);
        Optional<JoinPrediction.Outcome> expected =
                JoinPrediction.predict(action, stanza.get(), before, locked.contains(action.room()));
        Effects effects = service.handle(stanza.get(), now);
        store.apply(effects.changes());
        List<Stanza> out = effects.stanzas();
        OutputChecks.check(out);
        for (Stanza s : out) {
            // A room speaks for itself only: what one room's input causes comes from that room.
            assertThat(s.from().orElseThrow().asBareJid().toString()).as("from of %s", s).isEqualTo(action.room());
        }
        ledger.record(out);
        expected.ifPresent(outcome -> JoinPrediction.assertOutcome(outcome, action, out));
        track(action, out, expected);
        // Only the addressed room can have changed (every output came from it), so only it is read.
        String room = action.room();
        RoomState state = audit.read(room, now);
        RoomInvariants.check(room, state);
        ledger.assertMatches(room, state);
        states.put(room, state);
        mostOccupants = Math.max(mostOccupants, (int) state.occupantCount());
        if (!state.exists()) {
            locked.remove(room);
        }
        for (Stanza s : out) {
            transcript.add(XmlWriter.write(s.element()));
            if (s instanceof Presence p && p.type() != PresenceType.ERROR && p.from().orElseThrow().hasResource()) {
                codes.addAll(OccupantNotice.of(p).codes());
            }
        }
    }

    /** A room created by MUC join presence is locked until its owner configures it (§10.1.1). */
    private void track(Action action, List<Stanza> out, Optional<JoinPrediction.Outcome> expected) {
        if (expected.isPresent() && expected.get() instanceof JoinPrediction.Entered entered && entered.created()) {
            if (action instanceof Action.Join) {
                locked.add(action.room());
            }
        }
        if (action instanceof Action.Configure && out.stream().anyMatch(s -> s instanceof Iq iq
                && iq.type() == IqType.RESULT)) {
            locked.remove(action.room());
        }
    }
}
