package io.genrelake.dsp;

/**
 * The global tempo of {@code librosa.beat.beat_track(onset_envelope=…)}, fed one onset value at a
 * time: the autocorrelation tempogram ({@code librosa.feature.tempogram}, win_length = 344 frames = 8 s,
 * periodic Hann window, 'linear_ramp' centre padding, each frame scaled to max 1), averaged over frames;
 * score {@code log1p(1e6·tg[lag]) − ½(log2 bpm[lag] − log2 120)²}, lags at 320 BPM or faster excluded;
 * tempo = bpm of the best lag. An all-zero envelope gives 0 (beat_track returns before estimating).
 *
 * <p>A tempogram frame only needs the envelope within ±172 frames, so a ring of 512 values suffices. The frames'
 * FFTs run in batches of the {@link FrameFft}'s lanes (8 frames at once on the Vector API, one in plain Java);
 * each frame's power spectrum is then added in frame order, so the sums are the same bits either way.
 */
public final class TempoEstimator {

    /** floor(8 s · 22050 / 512): librosa.beat.tempo's ac_size in frames. */
    public static final int WIN = 344;
    private static final int HALF = WIN / 2;
    private static final double START_BPM = 120.0;
    private static final double MAX_TEMPO = 320.0;
    private static final int RING = 512;
    private static final int FFT = 1024; // >= 2·WIN − 1: linear (not circular) autocorrelation

    private final double framesPerMinute;
    private final double[] window = Window.hann(WIN);
    private final FrameFft fft;
    private final int lanes;
    /** The batch's frames in lane layout (sample i of place l at i · lanes + l), zero from WIN on. */
    private final double[] frames;
    private final double[] re;
    private final double[] im;
    /** 1 / energy of each frame in the batch. */
    private final double[] inverseEnergy;
    private final double[] x = new double[WIN];
    /** For the one inverse transform per envelope. */
    private final RealFft inverseFft = new RealFft(FFT);
    private final double[] ac = new double[FFT];
    private final double[] acIm = new double[FFT / 2 + 1];
    private final double[] powerSum = new double[FFT / 2 + 1];
    private final double[] tgSum = new double[WIN];
    private final float[] ring = new float[RING];

    private float first;
    private int pending;
    private int count;
    private int framesDone;
    private boolean anyNonZero;

    /** @param sr sample rate, @param hop hop length of the envelope's frames */
    public TempoEstimator(int sr, int hop) {
        this(sr, hop, FrameFft.of(FFT));
    }

    /** On a given FFT of size 1024 (tests compare implementations). */
    TempoEstimator(int sr, int hop, FrameFft fft) {
        this.framesPerMinute = 60.0 * sr / hop;
        this.fft = fft;
        this.lanes = fft.lanes();
        this.frames = new double[FFT * lanes];
        this.re = new double[(FFT / 2 + 1) * lanes];
        this.im = new double[(FFT / 2 + 1) * lanes];
        this.inverseEnergy = new double[lanes];
    }

    /** Starts a new envelope. */
    public void reset() {
        count = 0;
        pending = 0;
        framesDone = 0;
        anyNonZero = false;
        first = 0f;
        java.util.Arrays.fill(tgSum, 0.0);
        java.util.Arrays.fill(powerSum, 0.0);
    }

    /** Appends the next envelope value. */
    public void add(float onset) {
        if (count == 0) {
            first = onset;
        }
        ring[count & (RING - 1)] = onset;
        count++;
        if (onset != 0f) {
            anyNonZero = true;
        }
        // frame t needs values up to t + HALF - 1
        while (framesDone + HALF - 1 < count) {
            accumulateFrame(framesDone, Integer.MAX_VALUE);
            framesDone++;
        }
    }

    /** The mean tempogram over all frames (length WIN), after {@link #tempo()}; for tests. */
    public double[] meanTempogram() {
        double[] m = new double[WIN];
        for (int i = 0; i < WIN; i++) {
            m[i] = tgSum[i] / count;
        }
        return m;
    }

    /** Finishes the envelope (its length is the frame count) and returns the tempo in BPM. */
    public double tempo() {
        while (framesDone < count) {
            accumulateFrame(framesDone, count);
            framesDone++;
        }
        flushBatch();
        invert();
        if (!anyNonZero || count == 0) {
            return 0.0;
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        double logStart = log2(START_BPM);
        for (int lag = 1; lag < WIN; lag++) {
            double bpm = framesPerMinute / lag;
            if (bpm >= MAX_TEMPO) {
                continue;
            }
            double d = log2(bpm) - logStart;
            double score = Math.log1p(1e6 * (tgSum[lag] / count)) - 0.5 * d * d;
            if (score > bestScore || best < 0) {
                bestScore = score;
                best = lag;
            }
        }
        return framesPerMinute / best;
    }

    /** Envelope value at index j of the centre-padded sequence (j may be outside [0, n)). */
    private double padded(int j, int n) {
        if (j < 0) {
            // linear ramp from 0 up to the first value (which is always 0 for librosa's envelope)
            float edge = first;
            return (float) ((j + HALF) * (edge / (double) HALF));
        }
        if (j >= n) {
            float edge = ring[(n - 1) & (RING - 1)];
            int k = j - n; // 0 .. HALF-1, ramp down towards 0
            return (float) ((HALF - 1 - k) * (edge / (double) HALF));
        }
        return ring[j & (RING - 1)];
    }

    private void accumulateFrame(int t, int n) {
        int from = t - HALF;
        if (from >= 0 && from + WIN <= Math.min(n, count)) {
            // inside the envelope: the values straight from the ring, in at most two runs
            int r = from & (RING - 1);
            int run = Math.min(WIN, RING - r);
            for (int i = 0; i < run; i++) {
                x[i] = ring[r + i];
            }
            for (int i = run; i < WIN; i++) {
                x[i] = ring[i - run];
            }
        } else {
            for (int i = 0; i < WIN; i++) {
                x[i] = padded(from + i, n);
            }
        }
        double energy = 0;
        for (int i = 0; i < WIN; i++) {
            double v = x[i] * window[i];
            x[i] = v;
            energy += v * v;
        }
        if (energy < Double.MIN_NORMAL) {
            return; // an all-zero frame stays zero (librosa leaves frames below tiny unnormalised)
        }
        for (int i = 0, j = pending; i < WIN; i++, j += lanes) {
            frames[j] = x[i];
        }
        inverseEnergy[pending] = 1.0 / energy;
        if (++pending == lanes) {
            flushBatch();
        }
    }

    /** Transforms the batch and adds its frames' normalised power spectra, in frame order. */
    private void flushBatch() {
        if (pending == 0) {
            return;
        }
        fft.forward(frames, re, im);
        // The frame's autocorrelation is irfft(|X|²) and its largest value is lag 0 = Σ x² (Cauchy–Schwarz),
        // so librosa's per-frame normalisation is a division by the energy. The inverse FFT is linear:
        // summing |X|² / energy over frames and inverting once at the end gives the same sum of frames.
        for (int lane = 0; lane < pending; lane++) {
            double inv = inverseEnergy[lane];
            for (int k = 0, j = lane; k < powerSum.length; k++, j += lanes) {
                powerSum[k] += (re[j] * re[j] + im[j] * im[j]) * inv;
            }
        }
        pending = 0;
    }

    /** tgSum = Σ over frames of the normalised autocorrelations, from the accumulated spectra. */
    private void invert() {
        java.util.Arrays.fill(acIm, 0.0);
        inverseFft.inverse(powerSum, acIm, ac);
        System.arraycopy(ac, 0, tgSum, 0, WIN);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2.0);
    }
}
