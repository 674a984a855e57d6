package io.genrelake.audio.ffmpeg;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FFmpeg processes of this JVM: lent to one thread at a time (a decoding thread keeps one from opening a file to
 * closing it), kept for the next file when given back healthy — a process starts in about a second, so an executor
 * starts one per task thread once, not one per file — and stopped by a watchdog thread when one goes silent for
 * longer than {@link FfmpegIsolation#timeout()}. Processes end with this JVM: their stdin closes and they exit.
 */
final class FfmpegProcesses {

    // Never loaded in the FFmpeg process itself, whose class path has no logging library.
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegProcesses.class);
    private static final FfmpegProcesses INSTANCE = new FfmpegProcesses();
    /** Idle processes kept beyond this are ended: more than the cores means threads that have finished. */
    private static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final long WATCH_EVERY_MILLIS = 500;

    private final Deque<FfmpegProcess> idle = new ArrayDeque<>();
    private final Set<FfmpegProcess> live = ConcurrentHashMap.newKeySet();
    private Thread watchdog;

    private FfmpegProcesses() {}

    static FfmpegProcesses get() {
        return INSTANCE;
    }

    /** An idle healthy process, or a new one. */
    FfmpegProcess borrow() throws IOException {
        FfmpegIsolation.timeout(); // a malformed setting fails here, in the caller's thread, with its message
        synchronized (idle) {
            while (!idle.isEmpty()) {
                FfmpegProcess process = idle.pollLast();
                if (process.usable()) {
                    return process;
                }
                process.destroy();
            }
        }
        long start = System.nanoTime();
        FfmpegProcess started = FfmpegProcess.start(this);
        long took = System.nanoTime() - start;
        FfmpegStarts.record(took);
        LOG.info("FFmpeg process {} started in {} ms: FFmpeg decodes and reads tags outside this JVM ({}=none keeps "
                + "it in)", started.pid(), took / 1_000_000, FfmpegIsolation.PROPERTY);
        return started;
    }

    /** Takes back a process its thread is done with: kept when healthy (and not one too many), otherwise ended. */
    void giveBack(FfmpegProcess process) {
        if (process.usable()) {
            synchronized (idle) {
                if (idle.size() < MAX_IDLE) {
                    idle.addLast(process);
                    return;
                }
            }
        }
        process.destroy();
    }

    /** Whether FFmpeg's probe recognises the bytes (asked of a process; false when it crashed on them). */
    boolean sniff(byte[] header, int length) throws IOException {
        FfmpegProcess process = borrow();
        try {
            return process.sniff(header, length);
        } catch (io.genrelake.audio.AudioFormatException crashed) {
            return false; // FFmpeg could not look at these bytes: no decoder for them here
        } finally {
            giveBack(process);
        }
    }

    /** The container's tags of the file {@code in} reads ({@link ContainerTags#read}). */
    Map<String, List<String>> readTags(SeekableInputStream in) throws IOException {
        FfmpegProcess process = borrow();
        try {
            return process.readTags(in);
        } finally {
            giveBack(process);
        }
    }

    /** Starts watching a new process (and the watchdog thread, the first time). */
    void watch(FfmpegProcess process) {
        live.add(process);
        synchronized (this) {
            if (watchdog == null) {
                watchdog = new Thread(this::watchForever, "genrelake-ffmpeg-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
        }
    }

    private static long limitNanos() {
        try {
            return FfmpegIsolation.timeout().toNanos();
        } catch (IllegalArgumentException malformed) { // borrow reports it; the watchdog keeps watching
            return java.time.Duration.ofSeconds(FfmpegIsolation.DEFAULT_TIMEOUT_SECONDS).toNanos();
        }
    }

    private void watchForever() {
        while (true) {
            try {
                Thread.sleep(WATCH_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long limit = limitNanos(); // read each time: a test or a notebook may change it
            for (FfmpegProcess process : live) {
                if (process.ended()) {
                    live.remove(process);
                } else {
                    process.stopIfOverdue(now, limit);
                }
            }
        }
    }
}
