package io.genrelake.tables;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a list of files (or anything else a read fetches) on a few threads and hands each result on in list order, on
 * the calling thread, until the receiver has enough: the results, and their order, of reads one after another, in
 * less time where each read waits on a store or decodes on its own core. At most as many reads run ahead of the
 * result handed on next as there are threads, so stopping early wastes little. (The feature commands' {@code
 * cli.InOrderParallel} keeps per-thread extractors and a deep queue for many small files; these reads need neither,
 * and stop early.)
 */
final class InOrderReads {

    /** One read, on a worker thread. */
    @FunctionalInterface
    interface Read<T, R> {
        R read(T item) throws IOException;
    }

    /** Takes the results in list order; false when it needs no more. */
    @FunctionalInterface
    interface Receiver<R> {
        boolean take(R result);
    }

    private InOrderReads() {}

    /**
     * Runs {@code read} over {@code items} on up to {@code threads} threads (one: none started) and hands each result to
     * {@code receiver} in item order until it says stop or the items end. A read's exception is rethrown as it was
     * thrown, as a read in this thread would throw it.
     */
    static <T, R> void run(int threads, List<T> items, Read<T, R> read, Receiver<R> receiver) throws IOException {
        if (threads <= 1 || items.size() <= 1) {
            for (T item : items) {
                if (!receiver.take(read.read(item))) {
                    return;
                }
            }
            return;
        }
        int workers = Math.min(threads, items.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "genrelake-reader");
            t.setDaemon(true); // a failed read must not keep the JVM alive
            return t;
        });
        ArrayDeque<Future<R>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            boolean more = true;
            while (more && (next < items.size() || !pending.isEmpty())) {
                while (next < items.size() && pending.size() < workers) {
                    T item = items.get(next++);
                    pending.addLast(pool.submit(() -> read.read(item)));
                }
                more = receiver.take(pending.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
