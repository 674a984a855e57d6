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
    /** The float32 running sum of the magnitudes, bin by bin (np.cumsum). */
    private final float[] cumulative;

    private double centroid;
    private double bandwidth;
    private double rolloff;

    public SpectralShape(int sr, int nFft) {
        freqs = FrequencyScale.fftFrequencies(sr, nFft);
        cumulative = new float[freqs.length];
    }

    /** Computes the three descriptors of one frame; read them with the getters. */
    public void compute(float[] magnitude) {
        int n = freqs.length;
        double sum0 = 0, sum1 = 0;
        double weighted0 = 0, weighted1 = 0;
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
            cum += s0;
            running[k0] = cum;
            cum += s1;
            running[k0 + 1] = cum;
        }
        for (; k0 < n; k0++) {
            float s = magnitude[k0];
            sum0 += s;
            weighted0 += freqs[k0] * s;
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
        double spread0 = 0;
        double spread1 = 0;
        int k = 0;
        for (; k + 1 < n; k += 2) {
            double d0 = freqs[k] - centroid;
            double d1 = freqs[k + 1] - centroid;
            spread0 += magnitude[k] * d0 * d0;
            spread1 += magnitude[k + 1] * d1 * d1;
        }
        for (; k < n; k++) {
            double d = freqs[k] - centroid;
            spread0 += magnitude[k] * d * d;
        }
        bandwidth = Math.sqrt((spread0 + spread1) * inv);
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
