package io.genrelake.dsp;

/**
 * Streaming inverse STFT, as {@code librosa.istft(D, hop_length=512, window='hann', center=True)}
 * without {@code length}: each frame's {@code irfft} (double) times the window is overlap-added into a
 * float32 buffer in frame order, divided by the float32 sum of squared windows where that exceeds
 * float32 tiny. The output covers {@code hop * (T - 1)} samples; samples are handed to the sink as soon
 * as no later frame can touch them (512 per frame), so memory does not grow with the signal.
 *
 * <p>Spectra are inverted in batches of the {@link FrameFft}'s lanes (1 without the Vector API), then
 * overlap-added one by one in frame order, so the output lags the input by up to one batch more.
 */
public final class Istft {

    /** Receives finished output samples in order. */
    @FunctionalInterface
    public interface Sink {
        /** Samples {@code buf[off, off+len)} are output samples {@code first .. first+len-1}. */
        void accept(float[] buf, int off, int len, long first);
    }

    private static final int N = Stft.N_FFT;
    private static final int HOP = Stft.HOP;
    private static final int RING = 4096;
    private static final int MASK = RING - 1;
    private static final int BINS = N / 2 + 1;

    private final FrameFft fft;
    private final int lanes;
    private final double[] window = Window.hann(N);
    private final double[] windowSq = new double[N];
    private final double[] re;
    private final double[] im;
    /** The batch's inverse frames, lane layout: sample i of the batch's frame l at {@code frames[i · lanes + l]}. */
    private final double[] frames;
    /** The batch's spectra, one row per place. */
    private final float[][] reRows;
    private final float[][] imRows;
    private final double[] ones = new double[BINS];
    private final float[] acc = new float[RING];
    /**
     * The float32 sum of squared windows where four frames overlap (every output sample but the first hop and the
     * last three), by sample position modulo the hop: librosa's window_sumsquare adds them in frame order, so it
     * is the same sequence of float additions at every such position.
     */
    private final float[] steadyWss = new float[HOP];
    private final float[] out = new float[HOP];
    private final Sink sink;

    /** Frames overlap-added. */
    private int nextFrame;
    /** Spectra waiting in the batch. */
    private int pending;
    private long finished;

    public Istft(Sink sink) {
        this(sink, FrameFft.of(N));
    }

    /** On a given FFT of size n_fft (tests compare implementations). */
    Istft(Sink sink, FrameFft fft) {
        this.sink = sink;
        this.fft = fft;
        this.lanes = fft.lanes();
        this.re = new double[BINS * lanes];
        this.im = new double[BINS * lanes];
        this.frames = new double[N * lanes];
        this.reRows = new float[lanes][BINS];
        this.imRows = new float[lanes][BINS];
        java.util.Arrays.fill(ones, 1.0);
        for (int i = 0; i < N; i++) {
            windowSq[i] = window[i] * window[i];
        }
        for (int m = 0; m < HOP; m++) {
            float sum = 0f;
            for (int i = m + N - HOP; i >= 0; i -= HOP) { // frame order: the earliest frame has the latest index
                sum = (float) (sum + windowSq[i]);
            }
            steadyWss[m] = sum;
        }
    }

    /** Adds frame t (frames must come in order 0, 1, 2, …) given its complex64 spectrum. */
    public void addFrame(float[] specRe, float[] specIm) {
        System.arraycopy(specRe, 0, reRows[pending], 0, BINS);
        System.arraycopy(specIm, 0, imRows[pending], 0, BINS);
        if (++pending == lanes) {
            flushBatch();
        }
    }

    /** Inverts the spectra in the batch and overlap-adds them in order. */
    private void flushBatch() {
        if (pending == 0) {
            return;
        }
        LaneLayout.toLanes(reRows, ones, lanes, BINS, re);
        LaneLayout.toLanes(imRows, ones, lanes, BINS, im);
        fft.inverse(re, im, frames);
        for (int lane = 0; lane < pending; lane++) {
            overlapAddFrame(lane);
        }
        pending = 0;
    }

    /**
     * Overlap-adds the batch's frame {@code lane} (read straight from the lane layout), the inverse of the next frame
     * t, and emits what no later frame touches.
     */
    private void overlapAddFrame(int lane) {
        int t = nextFrame++;
        // frame t covers output samples t*hop - n_fft/2 .. + n_fft (centred); earlier ones are cropped
        long first = (long) t * HOP - N / 2;
        // samples before `finished` are cropped; the rest are one or two runs of the ring without wrap-around
        int i = (int) Math.max(0, finished - first);
        while (i < N) {
            int r = (int) ((first + i) & MASK);
            int run = Math.min(N - i, RING - r);
            overlapAdd(acc, r, lane, i, run);
            i += run;
        }
        // no later frame reaches below (t+1)*hop - n_fft/2
        emitUntil((long) (t + 1) * HOP - N / 2);
    }

    /**
     * acc[r..] += window · frame over one run of the ring, the frame read from the lane layout: plain counted loops
     * with no wrap-around mask or crop test per sample (12.7 → 12.0 ms per clip, HpssPartsCpuTime); reading the lanes
     * in place instead of copying each frame out first, and the window sums from a table instead of adding them up
     * here, took 1.5 ms off the inverse STFT (HpssPartsCpuTime, alternating runs, docs/benchmarks.md).
     */
    private void overlapAdd(float[] acc, int r, int lane, int i, int run) {
        final double[] w = window;
        final double[] x = frames;
        final int stride = lanes;
        for (int q = 0, j = i * stride + lane; q < run; q++, j += stride) {
            acc[r + q] = (float) (acc[r + q] + w[i + q] * x[j]);
        }
    }

    /** Flushes the output up to hop * (T - 1) samples, T being the number of frames added. */
    public void finish() {
        flushBatch();
        emitUntil((long) HOP * Math.max(0, nextFrame - 1));
    }

    /** Starts a new signal. */
    public void reset() {
        nextFrame = 0;
        pending = 0;
        finished = 0;
        java.util.Arrays.fill(acc, 0f);
    }

    /** Output samples emitted so far. */
    public long emitted() {
        return finished;
    }

    private void emitUntil(long end) {
        long limit = (long) HOP * Math.max(0, nextFrame - 1);
        end = Math.min(end, limit);
        while (finished < end) {
            int len = (int) Math.min(HOP, end - finished);
            // output sample s is sample s + n_fft/2 of the frames' (padded) time line
            long hop = (finished + N / 2) / HOP;
            boolean steady = (finished + N / 2) % HOP == 0 && hop >= N / HOP - 1 && hop <= nextFrame - 1;
            for (int i = 0; i < len; i++) {
                int r = (int) ((finished + i) & MASK);
                float w = steady ? steadyWss[i] : windowSumSquare(finished + i);
                out[i] = w > Float32.TINY ? acc[r] / w : acc[r];
                acc[r] = 0f;
            }
            sink.accept(out, 0, len, finished);
            finished += len;
        }
    }

    /** The float32 sum of squared windows at output sample s over the frames that exist, in frame order. */
    private float windowSumSquare(long s) {
        long p = s + N / 2;
        long last = Math.min(nextFrame - 1, p / HOP);
        float sum = 0f;
        for (long t = Math.max(0, p / HOP - (N / HOP - 1)); t <= last; t++) {
            sum = (float) (sum + windowSq[(int) (p - t * HOP)]);
        }
        return sum;
    }
}
