package io.genrelake.dsp;

import java.util.Arrays;

/**
 * {@code librosa.estimate_tuning(S=power, sr, n_fft=2048, resolution=0.01, bins_per_octave=12)}, fed
 * one frame at a time. Each frame runs {@code piptrack} (local maxima of the power spectrum above 0.1 ×
 * the frame maximum, 150 ≤ f < 4000 Hz, refined by parabolic interpolation); only the peaks are kept
 * (magnitude and tuning-histogram bin), so memory grows with the number of peaks, not with the signal.
 * {@link #estimate()} keeps the peaks whose magnitude is at least the median peak magnitude and returns
 * the left edge of the fullest of 100 residual bins of width 0.01 in [-0.5, 0.5).
 */
public final class TuningEstimator {

    private static final double FMIN = 150.0;
    private static final double FMAX = 4000.0;
    private static final float THRESHOLD = 0.1f;
    private static final int HIST_BINS = 100;

    private final int firstBin;
    private final int lastBin;
    private final double binHz;
    private final double[] histEdges = new double[HIST_BINS + 1];
    private final float[] masked;

    private float[] mags = new float[4096];
    private byte[] histBin = new byte[4096];
    private int peaks;

    public TuningEstimator(int sr, int nFft) {
        double[] freqs = FrequencyScale.fftFrequencies(sr, nFft);
        int lo = -1;
        int hi = -1;
        for (int k = 0; k < freqs.length; k++) {
            if (freqs[k] >= FMIN && freqs[k] < Math.min(FMAX, sr / 2.0)) {
                if (lo < 0) {
                    lo = k;
                }
                hi = k;
            }
        }
        firstBin = Math.max(lo, 1);
        lastBin = hi;
        binHz = (double) sr / nFft;
        // np.linspace(-0.5, 0.5, 101): k * 0.01 + (-0.5), last edge exactly 0.5
        for (int i = 0; i <= HIST_BINS; i++) {
            histEdges[i] = i * (1.0 / HIST_BINS) + -0.5;
        }
        histEdges[HIST_BINS] = 0.5;
        masked = new float[freqs.length];
    }

    /** Peaks collected so far. */
    public int peakCount() {
        return peaks;
    }

    /** Adds one frame of the (float32) power spectrogram. */
    public void addFrame(float[] s) {
        int n = masked.length;
        float max = 0f;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, s[k]);
        }
        float ref = THRESHOLD * max;
        // localmax on S * (S > ref): x[k] > x[k-1] and x[k] >= x[k+1] (edge-padded); only the bins the
        // frequency range looks at, and their neighbours, are needed
        int end = Math.min(lastBin, n - 2);
        for (int k = firstBin - 1; k <= end + 1; k++) {
            masked[k] = s[k] > ref ? s[k] : 0f;
        }
        for (int k = firstBin; k <= end; k++) {
            float x = masked[k];
            if (!(x > masked[k - 1] && x >= masked[k + 1])) {
                continue;
            }
            // librosa 0.10 _pi_stencil (numba): a, b promoted to float64 by the integer literals
            double a = (double) (s[k + 1] + s[k - 1]) - 2.0 * s[k];
            double b = (double) (s[k + 1] - s[k - 1]) / 2.0;
            float shift = Math.abs(b) >= Math.abs(a) ? 0f : (float) (-b / a);
            // np.gradient (float32) and dskew = 0.5 * avg * shift
            float avg = (s[k + 1] - s[k - 1]) / 2f;
            float mag = s[k] + 0.5f * avg * shift;
            float pitch = (float) ((k + (double) shift) * binHz);
            addPeak(mag, residualBin(pitch));
        }
    }

    /**
     * Bin of {@code mod(12 * log2(f / 27.5), 1)} folded to [-0.5, 0.5), in float32 like
     * {@code pitch_tuning}; np.histogram puts x in bin i when edge[i] <= x < edge[i+1].
     */
    private int residualBin(float pitch) {
        float octs = (float) FrequencyScale.log2(pitch / 27.5f);
        float x = 12f * octs;
        float r = (float) (x - Math.floor(x));
        if (r >= 0.5f) {
            r -= 1.0f;
        }
        double v = r;
        int i = (int) Math.floor((v + 0.5) * HIST_BINS);
        if (i < 0) {
            i = 0;
        } else if (i >= HIST_BINS) {
            i = HIST_BINS - 1;
        }
        while (i > 0 && v < histEdges[i]) {
            i--;
        }
        while (i < HIST_BINS - 1 && v >= histEdges[i + 1]) {
            i++;
        }
        return i;
    }

    private void addPeak(float mag, int bin) {
        if (peaks == mags.length) {
            mags = Arrays.copyOf(mags, peaks * 2);
            histBin = Arrays.copyOf(histBin, peaks * 2);
        }
        mags[peaks] = mag;
        histBin[peaks] = (byte) bin;
        peaks++;
    }

    /** The tuning offset in fractions of a bin; 0.0 when no pitch was found (librosa warns and does the same). */
    public double estimate() {
        if (peaks == 0) {
            return 0.0;
        }
        float threshold = median(Arrays.copyOf(mags, peaks));
        int[] counts = new int[HIST_BINS];
        for (int i = 0; i < peaks; i++) {
            if (mags[i] >= threshold) {
                counts[histBin[i]]++;
            }
        }
        int best = 0;
        for (int i = 1; i < HIST_BINS; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return histEdges[best];
    }

    /** np.median of float32: the middle value, or the float32 mean of the two middle values. */
    static float median(float[] v) {
        Arrays.sort(v);
        int n = v.length;
        if ((n & 1) == 1) {
            return v[n / 2];
        }
        return (v[n / 2 - 1] + v[n / 2]) / 2f;
    }

    /** Forgets all peaks (to reuse the instance for another clip). */
    public void reset() {
        peaks = 0;
    }
}
