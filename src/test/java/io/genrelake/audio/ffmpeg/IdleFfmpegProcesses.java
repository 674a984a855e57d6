package io.genrelake.audio.ffmpeg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * For a test whose thread must start an FFmpeg process on its next use of FFmpeg: borrows every idle process of this
 * JVM (the pool is shared by all tests) and gives them back on {@link #close}.
 */
public final class IdleFfmpegProcesses implements AutoCloseable {

    private final List<FfmpegProcess> held = new ArrayList<>();

    private IdleFfmpegProcesses() {}

    /** Borrows until a borrow has to start a process (so none is left idle), holding that one too. */
    public static IdleFfmpegProcesses hold() throws IOException {
        IdleFfmpegProcesses processes = new IdleFfmpegProcesses();
        long started = FfmpegStarts.count();
        while (FfmpegStarts.count() == started) {
            processes.held.add(FfmpegProcesses.get().borrow());
        }
        return processes;
    }

    @Override
    public void close() {
        held.forEach(FfmpegProcesses.get()::giveBack);
        held.clear();
    }
}
