package io.genrelake.dsp;

/**
 * Streaming inverse STFT, as {@code librosa.istft(D, hop_length=512, window='hann', center=True)}
 * without {@code length}: each frame's {@code irfft} (double) times the window is overlap-added into a
 * float32 buffer in frame order, divided by the float32 sum of squared windows where that exceeds
 * float32 tiny. The output covers {@code hop * (T - 1)} samples; samples are handed to the sink as soon
 * as no later frame can touch them (512 per frame), so memory does not grow with the signal.
 *
 * <p>Spectra are inverted in batches of the {@link FrameFft}'s lanes (1 without the Vector API), so the output lags
 * the input by up to one batch more. With one lane, each frame is overlap-added in turn into a ring of samples. With
 * several, the sums are kept hop-major ({@code hopAcc[m · SLOTS + slot]}: sample m of hop {@code baseHop + slot}):
 * then sample j of a batch's frame l goes to hop {@code t0 + j / hop + l}, so the batch's eight frames at one j land on
 * eight neighbouring slots and one vector operation adds them ({@link LaneOverlapAdd}); the quarters j / hop go from
 * last to first, so every sample still receives its frames in frame order, and the float32 sums are the same bits.
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

    /**
     * Adds a full batch's frames (lane layout, unwindowed) times the window into {@code hopAcc}, whose slot 0 is the
     * batch's first frame's first hop: for each quarter q = 3, 2, 1, 0 of the frame and sample m of it, slot q + l
     * gets frame l's sample. {@code VectorOverlapAdd} on the Vector API; the plain loop otherwise.
     */
    interface LaneOverlapAdd {
        /** Slot 0 of the batch is {@code hopAcc[m · SLOTS + slot0]}. */
        void add(double[] frames, double[] window, float[] hopAcc, int slot0);
    }

    /**
     * Hops held in lane mode: a batch touches lanes + 3 slots from its first (11 for 8 lanes); the batches move up
     * the slots and the three still open are moved back to the start when the next batch would not fit (every
     * other batch), instead of after every batch.
     */
    static final int SLOTS = 24;

    private final FrameFft fft;
    private final int lanes;
    /** Lane mode (several lanes): the hop-major sums; the hop in slot slot0, the next to emit; the batch adder. */
    private final float[] hopAcc;
    private long baseHop;
    /** The slot of baseHop. */
    private int slot0;
    private final LaneOverlapAdd laneOverlapAdd;
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
        this(sink, fft, false);
    }

    /** plainLaneAdd: the plain {@link LaneOverlapAdd} even where the Vector API's is allowed (tests compare them). */
    Istft(Sink sink, FrameFft fft, boolean plainLaneAdd) {
        this.sink = sink;
        this.fft = fft;
        this.lanes = fft.lanes();
        this.re = new double[BINS * lanes];
        this.im = new double[BINS * lanes];
        this.frames = new double[N * lanes];
        this.reRows = new float[lanes][BINS];
        this.imRows = new float[lanes][BINS];
        if (lanes > 1 && lanes + N / HOP - 1 > SLOTS) {
            throw new IllegalArgumentException(lanes + " lanes do not fit " + SLOTS + " hops");
        }
        this.hopAcc = lanes > 1 ? new float[HOP * SLOTS] : null;
        LaneOverlapAdd plain = this::plainLaneOverlapAdd;
        this.laneOverlapAdd = lanes == 1 ? null : plainLaneAdd ? plain : VectorApiProbe.choose(LaneOverlapAdd.class,
                "VectorOverlapAdd", new Class<?>[] {int.class}, new Object[] {lanes}, () -> plain);
        java.util.Arrays.fill(ones, 1.0);
        for (int i = 0; i < N; i++) {
            windowSq[i] = window[i] * window[i];
        }
        for (int m = 0; m < HOP; m++) {
            float sum = 0f;
            for (int i = m + N - HOP; i >= 0; i -= HOP) { // frame order: the earliest frame has the latest index
                sum = (float) (sum + windowSq[i]);
            }
            if (!(sum > Float32.TINY)) {
                throw new IllegalStateException("window sum of squares " + sum + " at " + m); // 1.5 for Hann
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
        if (lanes == 1) {
            overlapAddFrame();
        } else {
            if (pending == lanes) {
                laneOverlapAdd.add(frames, window, hopAcc, slot0);
            } else {
                addLanes(frames, window, hopAcc, slot0, pending); // the last, partial batch
            }
            nextFrame += pending;
            emitHops(nextFrame - 1);
        }
        pending = 0;
    }

    /** {@link LaneOverlapAdd} in plain Java. */
    private void plainLaneOverlapAdd(double[] x, double[] w, float[] sums, int slot0) {
        addLanes(x, w, sums, slot0, lanes);
    }

    /** {@link LaneOverlapAdd}'s sums for the batch's first {@code count} frames, in plain Java. */
    private void addLanes(double[] x, double[] w, float[] sums, int slot0, int count) {
        for (int q = N / HOP - 1; q >= 0; q--) {
            for (int m = 0; m < HOP; m++) {
                int j = q * HOP + m;
                for (int l = 0; l < count; l++) {
                    int a = m * SLOTS + slot0 + q + l;
                    sums[a] = (float) (sums[a] + w[j] * x[j * lanes + l]);
                }
            }
        }
    }

    /**
     * Lane mode: emits hops up to {@code lastHop} (every frame that touches them added), the samples of the cropped
     * first n_fft/2 left out, clearing their slots; moves the open hops back to slot 0 when the next batch would
     * not fit.
     */
    private void emitHops(long lastHop) {
        long limit = (long) HOP * Math.max(0, nextFrame - 1); // istft's output length once the frames are all in
        for (long h = baseHop; h <= lastHop; h++) {
            int slot = slot0 + (int) (h - baseHop);
            long first = h * HOP - N / 2; // output sample of the hop's sample 0
            int len = (int) Math.max(0, Math.min(HOP, limit - first));
            for (int m = 0, a = slot; m < HOP; m++, a += SLOTS) {
                out[m] = hopAcc[a];
                hopAcc[a] = 0f;
            }
            if (first < 0 || len == 0) {
                continue;
            }
            if (h >= N / HOP - 1 && h <= nextFrame - 1) {
                // four frames overlap: every sum of squares is the steady one, far above float32 tiny
                for (int m = 0; m < HOP; m++) {
                    out[m] = out[m] / steadyWss[m];
                }
            } else {
                for (int m = 0; m < len; m++) {
                    float w = windowSumSquare(first + m);
                    out[m] = w > Float32.TINY ? out[m] / w : out[m];
                }
            }
            sink.accept(out, 0, len, first);
            finished = first + len;
        }
        if (lastHop >= baseHop) {
            slot0 += (int) (lastHop + 1 - baseHop);
            baseHop = lastHop + 1;
        }
        int open = N / HOP - 1;
        if (slot0 + lanes + open > SLOTS) {
            for (int m = 0, row = 0; m < HOP; m++, row += SLOTS) {
                for (int s = 0; s < open; s++) {
                    hopAcc[row + s] = hopAcc[row + slot0 + s];
                    hopAcc[row + slot0 + s] = 0f;
                }
            }
            slot0 = 0;
        }
    }

    /** One lane: overlap-adds the inverse of the next frame t into the ring and emits what no later frame touches. */
    private void overlapAddFrame() {
        int t = nextFrame++;
        // frame t covers output samples t*hop - n_fft/2 .. + n_fft (centred); earlier ones are cropped
        long first = (long) t * HOP - N / 2;
        // samples before `finished` are cropped; the rest are one or two runs of the ring without wrap-around
        int i = (int) Math.max(0, finished - first);
        while (i < N) {
            int r = (int) ((first + i) & MASK);
            int run = Math.min(N - i, RING - r);
            overlapAdd(acc, r, i, run);
            i += run;
        }
        // no later frame reaches below (t+1)*hop - n_fft/2
        emitUntil((long) (t + 1) * HOP - N / 2);
    }

    /**
     * acc[r..] += window · frame over one run of the ring: a plain counted loop with no wrap-around mask or crop test
     * per sample (12.7 → 12.0 ms per clip, HpssPartsCpuTime); the window sums come from a table at emission.
     */
    private void overlapAdd(float[] acc, int r, int i, int run) {
        final double[] w = window;
        final double[] x = frames;
        for (int q = 0; q < run; q++) {
            acc[r + q] = (float) (acc[r + q] + w[i + q] * x[i + q]);
        }
    }

    /** Flushes the output up to hop * (T - 1) samples, T being the number of frames added. */
    public void finish() {
        flushBatch();
        if (lanes == 1) {
            emitUntil((long) HOP * Math.max(0, nextFrame - 1));
        } else {
            emitHops(nextFrame); // the last hop of the output: frames T-3 .. T-1 touch it, and no frame T
        }
    }

    /** Starts a new signal. */
    public void reset() {
        nextFrame = 0;
        pending = 0;
        finished = 0;
        baseHop = 0;
        slot0 = 0;
        java.util.Arrays.fill(acc, 0f);
        if (hopAcc != null) {
            java.util.Arrays.fill(hopAcc, 0f);
        }
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
