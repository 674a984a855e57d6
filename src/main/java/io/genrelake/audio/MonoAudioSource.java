package io.genrelake.audio;

import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;

/**
 * Mono float blocks at a target rate (22050 by default): a decoded stream mixed to mono, then
 * resampled when its rate differs (mixing first, as librosa.load does), by {@link Resampler} or, at
 * twice the target rate, by the decoder itself where it can ({@link AudioStream#halveRate}). Owns and
 * closes the stream. Not thread-safe.
 */
public final class MonoAudioSource implements Closeable {

    public static final int TARGET_RATE = 22050;

    private final AudioStream stream;
    private final int targetRate;
    private final Resampler resampler;  // null when no resampling is needed
    private final float[] input;
    private final float[] output;
    private int outputPos;
    private int outputEnd;
    private boolean inputEnded;

    public MonoAudioSource(AudioStream stream, int targetRate) {
        this.stream = Objects.requireNonNull(stream, "stream");
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target rate must be positive: " + targetRate);
        }
        this.targetRate = targetRate;
        if (stream.sampleRate() == targetRate
                || stream.sampleRate() == 2 * targetRate && stream.halveRate()) { // the decoder resamples itself
            this.resampler = null;
            this.input = null;
            this.output = null;
        } else {
            this.resampler = new Resampler(stream.sampleRate(), targetRate);
            this.input = new float[resampler.preferredInputBlock()];
            this.output = new float[resampler.maxOutput(input.length)];
        }
    }

    /** Fills {@code dst} from the start; returns how many samples it holds (fewer only at the end of the audio). */
    public int readFully(float[] dst) throws IOException {
        int n = 0;
        while (n < dst.length) {
            int got = read(dst, n, dst.length - n);
            if (got < 0) {
                break;
            }
            n += got;
        }
        return n;
    }

    /** Reads up to len samples; returns how many (fills as much as is available), or -1 at the end. */
    public int read(float[] dst, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (len == 0) {
            return 0;
        }
        if (resampler == null) {
            return stream.readMono(dst, off, len);
        }
        int done = 0;
        while (done < len) {
            if (outputPos == outputEnd && !refill()) {
                break;
            }
            int n = Math.min(len - done, outputEnd - outputPos);
            System.arraycopy(output, outputPos, dst, off + done, n);
            outputPos += n;
            done += n;
        }
        return done == 0 ? -1 : done;
    }

    /** Resamples the next input block (or the tail at the end); false when nothing is left. */
    private boolean refill() throws IOException {
        outputPos = 0;
        outputEnd = 0;
        while (outputEnd == 0) {
            if (inputEnded) {
                return false;
            }
            int n = stream.readMono(input, 0, input.length);
            if (n < 0) {
                inputEnded = true;
                outputEnd = resampler.finish(output, 0);
            } else {
                outputEnd = resampler.process(input, 0, n, output, 0);
            }
        }
        return true;
    }

    /** The file's own rate. */
    public int sampleRateIn() {
        return stream.sampleRate();
    }

    /** The file's channel count, before mixing. */
    public int channelsIn() {
        return stream.channels();
    }

    public String codec() {
        return stream.codec();
    }

    /** The decoder that reads the file ({@link AudioStream#decoder}). */
    public String decoder() {
        return stream.decoder();
    }

    /** The rate of the samples {@link #read} returns. */
    public int sampleRate() {
        return targetRate;
    }

    /**
     * Samples this source will return according to the header: the frame count without
     * resampling, ceil(frameCount · out / in) with it; -1 when the header does not say.
     */
    public long expectedLength() {
        long frames = stream.frameCount();
        if (frames < 0) {
            return -1;
        }
        int rate = stream.sampleRate();
        return rate == targetRate ? frames : Resampler.outputLength(frames, rate, targetRate);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
