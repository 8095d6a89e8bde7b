package dev.mucengine.server;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * How a task gets every room of the {@link ConfinedEngine} held still: it runs on partition 0
 * while every other partition waits between two of its batches. Each step is an
 * {@link EnginePartition.Exclusive} task, so it runs in a batch of its own, after what its
 * partition ran before has been committed and released.
 */
final class ServiceWidePause {

    private ServiceWidePause() {
    }

    /**
     * The exclusive task for partition 0 of {@code partitions}: it asks every other partition to
     * pause between batches (their own exclusive task), waits until all have, runs {@code task};
     * once its batch is committed and released, lets them go on (or end, if {@code last}).
     */
    static EnginePartition.Exclusive around(List<EnginePartition> partitions, Runnable task, boolean last) {
        List<EnginePartition> others = partitions.subList(1, partitions.size());
        CountDownLatch paused = new CountDownLatch(others.size());
        CountDownLatch resume = new CountDownLatch(1);
        return new EnginePartition.Exclusive(() -> {
            for (EnginePartition p : others) {
                p.addUnbounded(new EnginePartition.Exclusive(() -> {
                    paused.countDown();
                    awaitUninterruptibly(resume);
                }, () -> { }, last));
            }
            awaitUninterruptibly(paused);
            task.run();
        }, resume::countDown, last);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
