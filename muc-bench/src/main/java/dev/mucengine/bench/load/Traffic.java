package dev.mucengine.bench.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of one scenario share: whether senders keep sending, whether deliveries are
 * timed, and the count of deliveries (groupchat messages received by anyone, senders included).
 */
final class Traffic {

    final int senders;
    final int window;
    final LongAdder deliveries = new LongAdder();
    volatile boolean sending;
    volatile boolean recording;

    Traffic(int senders, int window) {
        this.senders = senders;
        this.window = window;
    }
}
