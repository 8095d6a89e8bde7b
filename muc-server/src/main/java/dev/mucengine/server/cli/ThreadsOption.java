package dev.mucengine.server.cli;

import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.c2s.ServeOptions;

/**
 * An option that sets how many threads of one kind run: {@code --engine-threads N} (serve and
 * component: the engine threads the rooms are partitioned over, docs/architecture.md,
 * "Partitions") and {@code --selector-threads N} (serve: the threads that own the client
 * connections). One per core by default.
 *
 * @param name the option as typed
 * @param help its lines in a command's help
 */
record ThreadsOption(String name, String help) {

    static final String ENGINE_NAME = "--engine-threads";
    static final String SELECTOR_NAME = "--selector-threads";

    static final ThreadsOption ENGINE = new ThreadsOption(ENGINE_NAME, """
            --engine-threads N  engine threads the rooms are spread over; each room stays on
                                one (default: one per core, here %d)
            """.formatted(ConfinedEngine.defaultThreads()));

    static final ThreadsOption SELECTOR = new ThreadsOption(SELECTOR_NAME, """
            --selector-threads N  threads that read and write the client connections, each
                                  owning its share of them (default: one per core, here %d)
            """.formatted(ServeOptions.defaultSelectorThreads()));

    int parse(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad " + name + " '" + text + "': a number from 1 to 1024");
    }
}
