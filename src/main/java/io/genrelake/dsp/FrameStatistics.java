package io.genrelake.dsp;

/**
 * Time-domain frame descriptors: {@code librosa.feature.rms} and
 * {@code librosa.feature.zero_crossing_rate}, each on one padded frame of the signal.
 */
public final class FrameStatistics {

    /** librosa.zero_crossings threshold: samples with |x| <= 1e-10 count as zero (positive). */
    private static final float ZERO_THRESHOLD = 1e-10f;
    private static final int ZERO_THRESHOLD_BITS = Float.floatToRawIntBits(ZERO_THRESHOLD);

    private FrameStatistics() {}

    /** {@code sqrt(mean(x²))} of a frame (reflect-padded by the caller), float32 result. */
    public static float rms(float[] frame, int length) {
        return (float) Math.sqrt((float) (sumOfSquares(frame, 0, length) / length));
    }

    /** Σ x² over frame[from, from + length) in double, four running totals (one would wait on each addition). */
    static double sumOfSquares(float[] frame, int from, int length) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = from;
        int end = from + length;
        for (; i + 3 < end; i += 4) {
            double v0 = frame[i], v1 = frame[i + 1], v2 = frame[i + 2], v3 = frame[i + 3];
            a0 += v0 * v0;
            a1 += v1 * v1;
            a2 += v2 * v2;
            a3 += v3 * v3;
        }
        for (; i < end; i++) {
            double v = frame[i];
            a0 += v * v;
        }
        return (a0 + a1) + (a2 + a3);
    }

    /**
     * Zero crossings of an (edge-padded) frame divided by its length: a crossing at i > 0 when the sign
     * bits of x[i] and x[i-1] differ, after setting |x| <= 1e-10 to +0.
     */
    public static double zeroCrossingRate(float[] frame, int length) {
        int crossings = 0;
        int prev = negative(frame[0]);
        for (int i = 1; i < length; i++) {
            int cur = negative(frame[i]);
            crossings += cur ^ prev;
            prev = cur;
        }
        return (double) crossings / length;
    }

    /** np.signbit after thresholding, as 0/1: tiny values (including -0.0) become +0. */
    static int negative(float x) {
        int bits = Float.floatToRawIntBits(x);
        int big = ((ZERO_THRESHOLD_BITS - (bits & 0x7fffffff)) >>> 31); // |x| > threshold
        return (bits >>> 31) & big;
    }
}
