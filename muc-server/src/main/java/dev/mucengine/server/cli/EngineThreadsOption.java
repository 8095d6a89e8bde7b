package dev.mucengine.server.cli;

import dev.mucengine.server.ConfinedEngine;

/**
 * {@code --engine-threads N}, for serve and component: how many engine threads the rooms are
 * partitioned over (docs/architecture.md, "Partitions"); one per core by default.
 */
final class EngineThreadsOption {

    static final String NAME = "--engine-threads";

    static final String HELP = """
            --engine-threads N  engine threads the rooms are spread over; each room stays on
                                one (default: one per core, here %d)
            """.formatted(ConfinedEngine.defaultThreads());

    private EngineThreadsOption() {
    }

    static int parse(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad " + NAME + " '" + text + "': a number from 1 to 1024");
    }
}
