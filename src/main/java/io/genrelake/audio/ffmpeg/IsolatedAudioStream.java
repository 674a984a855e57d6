package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Audio decoded by FFmpeg in a process of its own ({@link FfmpegProcess}): the same samples, reasons and errors as
 * {@link FfmpegAudioStream} gives in this JVM, plus a reason when the process crashes or hangs on the file. Holds its
 * process from open to close and owns the file's stream. Not thread-safe.
 */
final class IsolatedAudioStream implements AudioStream {

    private final FfmpegProcess process;
    private final InputStream in;
    private final FfmpegProcess.Opened opened;
    private boolean closed;

    private IsolatedAudioStream(FfmpegProcess process, InputStream in, FfmpegProcess.Opened opened) {
        this.process = process;
        this.in = in;
        this.opened = opened;
    }

    /** Opens {@code in}'s audio in a process; on failure gives the process back and leaves {@code in} open. */
    static IsolatedAudioStream open(InputStream in) throws IOException {
        FfmpegProcesses processes = FfmpegProcesses.get();
        FfmpegProcess process = processes.borrow();
        try {
            return new IsolatedAudioStream(process, in, process.openAudio(in));
        } catch (IOException | RuntimeException e) {
            processes.giveBack(process); // a failed open leaves nothing open there
            throw e;
        }
    }

    /** The id of the process decoding this stream, for the log and tests. */
    long pid() {
        return process.pid();
    }

    @Override
    public int sampleRate() {
        return opened.sampleRate();
    }

    @Override
    public int channels() {
        return opened.channels();
    }

    @Override
    public String codec() {
        return opened.codec();
    }

    @Override
    public long frameCount() {
        return opened.frameCount();
    }

    @Override
    public int readMono(float[] dst, int offset, int maxFrames) throws IOException {
        Objects.checkFromIndexSize(offset, maxFrames, dst.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (maxFrames == 0) {
            return 0;
        }
        return process.readMono(dst, offset, maxFrames);
    }

    /** Frees the decoder in the process, gives the process back, closes the stream (each step even if one fails). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.usable()) {
                process.closeAudio();
            }
        } finally {
            FfmpegProcesses.get().giveBack(process);
            in.close();
        }
    }
}
