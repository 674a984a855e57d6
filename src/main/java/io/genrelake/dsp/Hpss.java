package io.genrelake.dsp;

/**
 * Streaming harmonic/percussive separation, as librosa's legacy {@code effects.hpss} → {@code
 * decompose.hpss(D, kernel_size=31, power=2, margin=1)}: on |D|, a 31-frame median along time
 * (harmonic) and a 31-bin median along frequency (percussive), {@code scipy.ndimage} 'reflect'
 * boundaries; soft mask {@code H²/(H²+P²)} (0.5 where max(H, P) is below float32 tiny). The harmonic spectrum {@code D × mask} of each frame
 * goes to an {@link Istft}.
 *
 * <p>Only the harmonic part is inverted: the masks sum to one, so the percussive signal is the input
 * minus the harmonic one (istft is linear and reconstructs the input exactly). Both medians run on
 * {@link SortedWindowLanes}: along time one lane per bin, advancing a frame at a time; along frequency
 * ({@link RowMedianFilter}) a block of {@value #BLOCK} frames at once. A frame is released once its block
 * is filtered and 15 later frames are in, so at most {@value #RING} frames are held, whatever the length,
 * and the harmonic output lags the input by up to BLOCK + 16 frames (plus the inverse STFT's 3 and its batch of
 * up to 8).
 */
public final class Hpss {

    public static final int KERNEL = 31;
    private static final int HALF = KERNEL / 2;
    /**
     * Frames whose frequency medians are computed together: more lanes, fewer passes over the ranks (each
     * pass has a fixed cost). 64 × 8 = 512 lanes: 13.1 ms of filtering per clip against 16.5 ms with 32
     * frames (HpssPartsCpuTime, docs/benchmarks.md).
     */
    private static final int BLOCK = 64;
    /** Pieces each frame's bins are cut into for the frequency medians (lanes = BLOCK × PIECES). */
    private static final int PIECES = 8;
    /** Frames held: the 16 behind the time window's centre, an unfiltered block, and the 16 from the centre on. */
    private static final int RING = 16 + BLOCK + 16;
    private static final int BINS = Stft.BINS;

    private final float[][] ringRe = new float[RING][BINS];
    private final float[][] ringIm = new float[RING][BINS];
    /** |D| as IEEE bits, which order like the values. */
    private final int[][] ringBits = new int[RING][BINS];
    private final float[][] ringPerc = new float[RING][BINS];
    /** For every bin, the sorted window of its KERNEL magnitudes along time. */
    private final SortedWindowLanes timeMedians = SortedWindowLanes.of(BINS, KERNEL);
    private final RowMedianFilter frequencyMedians = new RowMedianFilter(BLOCK, BINS, KERNEL, PIECES);
    private final float[][] percussiveBlock = new float[BLOCK][];
    private final float[] harmRe = new float[BINS];
    private final float[] harmIm = new float[BINS];
    private final Istft istft;
    private final HarmonicMask mask = VectorApiProbe.choose(HarmonicMask.class, "VectorHarmonicMask",
            new Class<?>[0], new Object[0], () -> (h, p, re, im, outRe, outIm, bins) -> softMask(h, p, re, im, outRe,
                    outIm, 0, bins));

    /** Writes the harmonic spectrum of one frame: {@link #softMask} or its Vector API version, the same bits. */
    interface HarmonicMask {
        void apply(int[] harmonicBits, float[] perc, float[] re, float[] im, float[] outRe, float[] outIm, int bins);
    }

    /** Frames received. */
    private int received;
    /** Frames whose frequency medians are computed. */
    private int filtered;
    /** Next frame whose masks are due. */
    private int nextOut;

    public Hpss(Istft istft) {
        this.istft = istft;
    }

    /** Adds the next frame's complex64 spectrum and its magnitude. */
    public void addFrame(float[] re, float[] im, float[] magnitude) {
        int slot = received % RING;
        System.arraycopy(re, 0, ringRe[slot], 0, BINS);
        System.arraycopy(im, 0, ringIm[slot], 0, BINS);
        int[] bits = ringBits[slot];
        for (int k = 0; k < BINS; k++) {
            bits[k] = Float.floatToRawIntBits(magnitude[k]);
        }
        frequencyMedians.setRow(received - filtered, bits);
        received++;
        if (received - filtered == BLOCK) {
            filterFrequencies();
        }
        // frame t needs frames up to t + 15; with those present, reflection only happens at the start
        while (nextOut + HALF < received && nextOut < filtered) {
            release(nextOut, Integer.MAX_VALUE / 4);
            nextOut++;
        }
    }

    /** Starts a new signal (the inverse STFT is reset too). */
    public void reset() {
        received = 0;
        filtered = 0;
        nextOut = 0;
        istft.reset();
    }

    /** Releases the remaining frames once the frame count is known. */
    public void finish() {
        if (filtered < received) {
            filterFrequencies();
        }
        while (nextOut < received) {
            release(nextOut, received);
            nextOut++;
        }
        istft.finish();
    }

    /** The percussive (frequency) medians of the frames received since the last block. */
    private void filterFrequencies() {
        int count = received - filtered;
        for (int i = 0; i < count; i++) {
            percussiveBlock[i] = ringPerc[(filtered + i) % RING];
        }
        frequencyMedians.filter(count, percussiveBlock);
        filtered = received;
    }

    /** Masks frame t and passes its harmonic spectrum to the inverse STFT; n is the frame count (or a bound). */
    private void release(int t, int n) {
        updateTimeWindows(t, n);
        int[] harmonic = timeMedians.medianBits();
        int slot = t % RING;
        float[] perc = ringPerc[slot];
        mask.apply(harmonic, perc, ringRe[slot], ringIm[slot], harmRe, harmIm, BINS);
        istft.addFrame(harmRe, harmIm);
    }

    /**
     * The harmonic spectrum of bins [from, to): {@code D × H²/(H²+P²)}, 0.5 where max(H, P) is below float32 tiny.
     * librosa divides by Z = max(H, P) first to keep float32 squares in range; doubles need no rescaling. The
     * tiny case is computed anyway, then selected, so the loop has no branch.
     */
    static void softMask(int[] harmonicBits, float[] perc, float[] re, float[] im, float[] outRe, float[] outIm,
            int from, int to) {
        for (int k = from; k < to; k++) {
            float h = Float.intBitsToFloat(harmonicBits[k]);
            float p = perc[k];
            double hh = (double) h * h;
            float ratio = (float) (hh / (hh + (double) p * p));
            float m = Math.max(h, p) < Float32.TINY ? 0.5f : ratio;
            outRe[k] = re[k] * m;
            outIm[k] = im[k] * m;
        }
    }

    /**
     * Brings every bin's time window to frames t-15 .. t+15 (reflected at the ends): the frame that entered
     * at position t-16 leaves, the one at t+15 enters. Positions map to the same frames whether n is known
     * or a bound, as long as they are below the frame count (see addFrame).
     */
    private void updateTimeWindows(int t, int n) {
        if (t == 0) {
            timeMedians.clear();
            for (int v = -HALF; v <= HALF; v++) {
                timeMedians.insert(ringBits[ReflectBoundary.index(v, n) % RING]);
            }
            return;
        }
        timeMedians.slide(ringBits[ReflectBoundary.index(t - HALF - 1, n) % RING],
                ringBits[ReflectBoundary.index(t + HALF, n) % RING]);
    }
}
