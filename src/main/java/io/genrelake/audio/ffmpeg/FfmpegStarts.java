package io.genrelake.audio.ffmpeg;

/**
 * How many times the current thread has started FFmpeg, and how long that took: a process starts in ~0.6 s (a JVM and
 * FFmpeg's natives) once per executor thread, and with {@link FfmpegIsolation} none the natives load into this JVM
 * once, inside whatever first needed FFmpeg — most often the first file's tag read — so a timer around that step
 * subtracts what these counters grew by meanwhile, and a job reports the start-up on its own instead of as a tag read
 * hundreds of times its real cost (docs/benchmarks.md "Per format"). Per thread because a task's timers are: each
 * task thread borrows its own process. (The FFmpeg process's JVM counts its own natives' load here too; nobody reads
 * it there.)
 */
public final class FfmpegStarts {

    /** {count, nanoseconds} of this thread's starts. */
    private static final ThreadLocal<long[]> THIS_THREAD = ThreadLocal.withInitial(() -> new long[2]);

    private FfmpegStarts() {}

    /** FFmpeg processes this thread has started so far, and the natives' load into this JVM if it did that. */
    public static long count() {
        return THIS_THREAD.get()[0];
    }

    /** Nanoseconds this thread has spent starting FFmpeg so far. */
    public static long nanos() {
        return THIS_THREAD.get()[1];
    }

    static void record(long nanos) {
        long[] counters = THIS_THREAD.get();
        counters[0]++;
        counters[1] += nanos;
    }
}
