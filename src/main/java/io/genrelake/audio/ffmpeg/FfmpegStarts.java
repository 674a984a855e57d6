package io.genrelake.audio.ffmpeg;

/**
 * How many FFmpeg processes the current thread has started, and how long that took: a process starts in ~0.6 s (a
 * JVM and FFmpeg's natives) once per executor thread, inside whatever first needed it — most often the first file's
 * tag read — so a timer around that step subtracts what these counters grew by meanwhile, and a job reports the
 * start-up on its own instead of as a tag read hundreds of times its real cost (docs/benchmarks.md "Per format").
 * Per thread because a task's timers are: each task thread borrows its own process.
 */
public final class FfmpegStarts {

    /** {count, nanoseconds} of this thread's starts. */
    private static final ThreadLocal<long[]> THIS_THREAD = ThreadLocal.withInitial(() -> new long[2]);

    private FfmpegStarts() {}

    /** Processes this thread has started so far. */
    public static long count() {
        return THIS_THREAD.get()[0];
    }

    /** Nanoseconds this thread has spent starting processes so far. */
    public static long nanos() {
        return THIS_THREAD.get()[1];
    }

    static void record(long nanos) {
        long[] counters = THIS_THREAD.get();
        counters[0]++;
        counters[1] += nanos;
    }
}
