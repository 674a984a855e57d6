package io.genrelake.audio;

import java.io.IOException;
import java.util.Objects;

/**
 * An {@link AudioStream} whose decoder makes mono samples a frame (or packet) at a time: {@link #readMono} hands out
 * what is pending, decodes the next frame when it runs out, and reports why decoding stopped early only once the
 * audio before it has been read. Subclasses say what is pending, copy it out, decode, and keep the failure.
 */
public abstract class FrameStream implements AudioStream {

    /** Set by {@link #close}; reads after it fail. */
    protected boolean closed;

    @Override
    public final int readMono(float[] dst, int offset, int maxFrames) throws IOException {
        Objects.checkFromIndexSize(offset, maxFrames, dst.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (maxFrames == 0) {
            return 0;
        }
        int done = 0;
        while (done < maxFrames) {
            if (pending() == 0 && !nextFrame()) {
                break;
            }
            done += take(dst, offset + done, maxFrames - done);
        }
        if (done > 0) {
            return done;
        }
        throwFailure();
        return -1;
    }

    /** Samples that can be handed out without decoding. */
    protected abstract int pending();

    /** Copies up to {@code max} (≥ 1) of the pending samples to {@code dst[offset..]}; returns how many. */
    protected abstract int take(float[] dst, int offset, int max);

    /** Decodes until some samples are pending; false at the end of the audio or on failure. */
    protected abstract boolean nextFrame() throws IOException;

    /** Throws why decoding stopped, when it stopped before the end; called once everything before it was read. */
    protected abstract void throwFailure() throws IOException;

    /**
     * How far short of a declared length of {@code expected} samples a stream may end and still count as complete: a
     * quarter second or 1 % of the length. Encoder delay and padding make decoded lengths differ from declared ones
     * by a few frames, and a false "truncated" would reject a good file. The one rule of every decoder's verdict.
     */
    protected static long truncationSlack(int sampleRate, long expected) {
        return Math.max(sampleRate / 4, expected / 100);
    }
}
