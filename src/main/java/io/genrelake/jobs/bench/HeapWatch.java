package io.genrelake.jobs.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM's heap while something runs: the peak of the used heap, sampled every 10 ms by a daemon
 * thread, plus the pools' own peak counters (an upper bound: pools peak at different moments), and
 * the garbage collections it took. In local mode the driver and the executor share the JVM, so this is an
 * upper bound for the executor's part.
 */
final class HeapWatch implements AutoCloseable {

    /** What was seen. */
    record Reading(long sampledPeakBytes, long poolPeaksBytes, long maxBytes, long collections, long gcMillis) {}

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private final long collectionsBefore;
    private final long gcMillisBefore;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapWatch() {
        System.gc(); // start from the live set, not from the garbage of whatever ran before
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        collectionsBefore = collections();
        gcMillisBefore = gcMillis();
        peak = memory.getHeapMemoryUsage().getUsed();
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    Reading read() {
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        return new Reading(Math.max(peak, memory.getHeapMemoryUsage().getUsed()), pools,
                memory.getHeapMemoryUsage().getMax(), collections() - collectionsBefore, gcMillis() - gcMillisBefore);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }
}
