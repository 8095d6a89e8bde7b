package dev.mucengine.server;

import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.Jid;

/**
 * A connection's way into the engine without blocking its selector thread: tasks are
 * {@linkplain ConfinedEngine#offer offered} in order; while the engine's queue is full they wait
 * here, in order, the connection stops reading (so TCP pushes back on the client), and when the
 * engine has room again they go in and the connection is told to read on. Loop thread only.
 */
public final class EngineInbox {

    private record Task(Jid address, Runnable task, Runnable refused) {
    }

    private final ConfinedEngine engine;
    private final SelectorLoop loop;
    private final Runnable caughtUp;
    /** Tasks the engine had no room for, oldest first; none until the engine is first full. */
    private @Nullable ArrayDeque<Task> waiting;

    /** @param caughtUp runs on the loop's thread once every waiting task is in the engine's queue */
    public EngineInbox(ConfinedEngine engine, SelectorLoop loop, Runnable caughtUp) {
        this.engine = engine;
        this.loop = loop;
        this.caughtUp = caughtUp;
    }

    /** Whether tasks wait for room: the connection reads nothing meanwhile. */
    public boolean waiting() {
        return waiting != null && !waiting.isEmpty();
    }

    /**
     * Hands {@code task} to the partition of {@code address} (the session's account) after every
     * task submitted before it; {@code refused} runs instead if the engine is stopping.
     */
    public void submit(Jid address, Runnable task, Runnable refused) {
        ArrayDeque<Task> queue = waiting;
        if (queue != null && !queue.isEmpty()) {
            queue.add(new Task(address, task, refused));
            return;
        }
        switch (engine.offer(address, task)) {
            case QUEUED -> {
                // in
            }
            case REFUSED -> refused.run();
            case FULL -> {
                if (queue == null) {
                    queue = new ArrayDeque<>(4);
                    waiting = queue;
                }
                queue.add(new Task(address, task, refused));
                askForRoom(address);
            }
        }
    }

    private void askForRoom(Jid address) {
        engine.whenRoom(address, () -> loop.execute(this::room));
    }

    private void room() {
        ArrayDeque<Task> queue = waiting;
        while (queue != null && !queue.isEmpty()) {
            Task next = queue.peek();
            switch (engine.offer(next.address(), next.task())) {
                case QUEUED -> queue.poll();
                case REFUSED -> {
                    queue.poll();
                    next.refused().run();
                }
                case FULL -> {
                    askForRoom(next.address());
                    return;
                }
            }
        }
        waiting = null; // not kept: the engine is rarely full
        caughtUp.run();
    }
}
