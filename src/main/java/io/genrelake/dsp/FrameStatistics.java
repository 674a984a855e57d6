package io.genrelake.dsp;

/**
 * Time-domain frame descriptors: {@code librosa.feature.rms} and
 * {@code librosa.feature.zero_crossing_rate}, each on one padded frame of the signal.
 */
public final class FrameStatistics {

    /** librosa.zero_crossings threshold: samples with |x| <= 1e-10 count as zero (positive). */
    private static final float ZERO_THRESHOLD = 1e-10f;

    private FrameStatistics() {}

    /** {@code sqrt(mean(x²))} of a frame (reflect-padded by the caller), float32 result. */
    public static float rms(float[] frame, int length) {
        double acc = 0;
        for (int i = 0; i < length; i++) {
            double v = frame[i];
            acc += v * v;
        }
        return (float) Math.sqrt((float) (acc / length));
    }

    /**
     * Zero crossings of an (edge-padded) frame divided by its length: a crossing at i > 0 when the sign
     * bits of x[i] and x[i-1] differ, after setting |x| <= 1e-10 to +0.
     */
    public static double zeroCrossingRate(float[] frame, int length) {
        int crossings = 0;
        boolean prev = negative(frame[0]);
        for (int i = 1; i < length; i++) {
            boolean cur = negative(frame[i]);
            if (cur != prev) {
                crossings++;
            }
            prev = cur;
        }
        return (double) crossings / length;
    }

    private static boolean negative(float x) {
        // np.signbit after thresholding: tiny values (including -0.0) become +0
        return Math.abs(x) > ZERO_THRESHOLD && x < 0f;
    }
}
