package io.genrelake.dsp;

/**
 * Per-frame spectral descriptors of a magnitude spectrum:
 * {@code librosa.feature.spectral_centroid}, {@code spectral_bandwidth} (p = 2, norm=True) and
 * {@code spectral_rolloff} (roll_percent = 0.85). Frames whose magnitude sum is below float32 tiny are
 * not normalised, so an all-zero frame gives 0 for all three, as in librosa.
 */
public final class SpectralShape {

    public static final float ROLL_PERCENT = 0.85f;

    private final double[] freqs;
    private final double[] freqsSquared;
    /** The float32 running sum of the magnitudes, bin by bin (np.cumsum). */
    private final float[] cumulative;

    private double centroid;
    private double bandwidth;
    private double rolloff;

    public SpectralShape(int sr, int nFft) {
        freqs = FrequencyScale.fftFrequencies(sr, nFft);
        freqsSquared = new double[freqs.length];
        for (int k = 0; k < freqs.length; k++) {
            freqsSquared[k] = freqs[k] * freqs[k];
        }
        cumulative = new float[freqs.length];
    }

    /**
     * Computes the three descriptors of one frame; read them with the getters. One pass: the loop waits on the float32
     * running sum anyway, so the second moment Σ m·f² comes along at no cost and the bandwidth is
     * sqrt(Σ m·f² / Σ m − centroid²) (in double: the same value as librosa's Σ m·(f − centroid)² / Σ m to within
     * ~1e-13 relative even for a pure tone, where the two terms nearly cancel; a second pass over the bins cost
     * 0.9 ms per clip).
     */
    public void compute(float[] magnitude) {
        int n = freqs.length;
        double sum0 = 0, sum1 = 0;
        double weighted0 = 0, weighted1 = 0;
        double second0 = 0, second1 = 0;
        // rolloff: np.cumsum in float32 against 0.85 * total (float32), first bin reaching it
        float[] running = cumulative;
        float cum = 0f;
        int k0 = 0;
        for (; k0 + 1 < n; k0 += 2) {
            float s0 = magnitude[k0];
            float s1 = magnitude[k0 + 1];
            sum0 += s0;
            sum1 += s1;
            weighted0 += freqs[k0] * s0;
            weighted1 += freqs[k0 + 1] * s1;
            second0 += freqsSquared[k0] * s0;
            second1 += freqsSquared[k0 + 1] * s1;
            cum += s0;
            running[k0] = cum;
            cum += s1;
            running[k0 + 1] = cum;
        }
        for (; k0 < n; k0++) {
            float s = magnitude[k0];
            sum0 += s;
            weighted0 += freqs[k0] * s;
            second0 += freqsSquared[k0] * s;
            cum += s;
            running[k0] = cum;
        }
        double sum = sum0 + sum1;
        double weighted = weighted0 + weighted1;
        rolloff = freqs[firstReaching(running, ROLL_PERCENT * cum)];
        if ((float) sum < Float32.TINY) {
            centroid = 0;
            bandwidth = 0;
            return;
        }
        double inv = 1.0 / sum;
        centroid = weighted * inv;
        bandwidth = Math.sqrt(Math.max(0.0, (second0 + second1) * inv - centroid * centroid));
    }

    /**
     * The first bin whose running sum is not below the threshold (n − 1 if none): a binary search, as adding
     * non-negative magnitudes never makes a float32 sum smaller.
     */
    private static int firstReaching(float[] running, float threshold) {
        int lo = 0;
        int hi = running.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (running[mid] < threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public double centroid() {
        return centroid;
    }

    public double bandwidth() {
        return bandwidth;
    }

    public double rolloff() {
        return rolloff;
    }
}
