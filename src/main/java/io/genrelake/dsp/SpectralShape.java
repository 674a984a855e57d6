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

    private double centroid;
    private double bandwidth;
    private double rolloff;

    public SpectralShape(int sr, int nFft) {
        freqs = FrequencyScale.fftFrequencies(sr, nFft);
    }

    /** Computes the three descriptors of one frame; read them with the getters. */
    public void compute(float[] magnitude) {
        int n = freqs.length;
        double sum = 0;
        double weighted = 0;
        // rolloff: np.cumsum in float32 against 0.85 * total (float32), first bin reaching it
        float cum = 0f;
        for (int k = 0; k < n; k++) {
            float s = magnitude[k];
            sum += s;
            weighted += freqs[k] * s;
            cum += s;
        }
        float threshold = ROLL_PERCENT * cum;
        float c2 = 0f;
        int rollBin = n - 1;
        for (int k = 0; k < n; k++) {
            c2 += magnitude[k];
            if (!(c2 < threshold)) {
                rollBin = k;
                break;
            }
        }
        rolloff = freqs[rollBin];
        if ((float) sum < Float32.TINY) {
            centroid = 0;
            bandwidth = 0;
            return;
        }
        double inv = 1.0 / sum;
        centroid = weighted * inv;
        double spread = 0;
        for (int k = 0; k < n; k++) {
            double d = freqs[k] - centroid;
            spread += magnitude[k] * d * d;
        }
        bandwidth = Math.sqrt(spread * inv);
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
