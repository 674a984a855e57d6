package io.genrelake.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Maps work over a list on a fixed number of threads and hands the results on in list order, whatever
 * order they finish in. Each worker thread gets its own state object (a feature extractor, which is
 * not thread-safe), created on first use. At most a bounded number of results wait to be handed on,
 * so memory does not grow with the length of the list.
 */
final class InOrderParallel {

    /** Receives results in input order, on the calling thread. */
    @FunctionalInterface
    interface Sink<R> {
        void accept(R result) throws IOException;
    }

    private InOrderParallel() {}

    /**
     * Runs {@code work(state, item)} for every item on {@code threads} threads and passes each result to
     * {@code sink} in item order. Work should report failures in its result; an exception it throws
     * anyway stops the run and is rethrown here.
     */
    static <I, S, R> void run(List<I> items, int threads, Supplier<S> state, BiFunction<S, I, R> work,
            Sink<R> sink) throws IOException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ThreadLocal<S> perThread = ThreadLocal.withInitial(state);
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        // Enough queued work that no worker idles while the head of the line finishes a long file.
        int maxPending = Math.max(64, threads * 16);
        ArrayDeque<Future<R>> pending = new ArrayDeque<>();
        try {
            for (I item : items) {
                if (pending.size() >= maxPending) {
                    sink.accept(await(pending.removeFirst()));
                }
                pending.addLast(pool.submit(() -> work.apply(perThread.get(), item)));
            }
            while (!pending.isEmpty()) {
                sink.accept(await(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("worker failed", cause);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "genrelake-worker-" + n.incrementAndGet());
            t.setDaemon(true); // a failed run must not hang the JVM on leftover workers
            return t;
        };
    }
}
