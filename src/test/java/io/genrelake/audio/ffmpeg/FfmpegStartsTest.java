package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FfmpegStartsTest {

    @Test
    void aThreadCountsTheProcessesItStartsAndNoOtherThreads() throws Exception {
        long mine = FfmpegStarts.count();
        long myNanos = FfmpegStarts.nanos();
        AtomicReference<long[]> seen = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                long[] before = {FfmpegStarts.count(), FfmpegStarts.nanos()};
                try (IdleFfmpegProcesses held = IdleFfmpegProcesses.hold()) {
                    seen.set(new long[] {before[0], before[1], FfmpegStarts.count(), FfmpegStarts.nanos()});
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        other.start();
        other.join();
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
        long[] s = seen.get();
        assertEquals(0, s[0], "a new thread has started nothing");
        assertEquals(0, s[1]);
        assertEquals(1, s[2], "hold() borrows until one borrow starts a process");
        assertTrue(s[3] > 1_000_000, "a start takes a JVM's start-up, not " + s[3] + " ns");
        assertEquals(mine, FfmpegStarts.count(), "another thread's start is not this thread's");
        assertEquals(myNanos, FfmpegStarts.nanos());
    }
}
