package io.genrelake.dsp;

/**
 * {@code librosa.feature.spectral_flatness(S=|D|, power=2.0, amin=1e-10)} (librosa/feature/spectral.py): the
 * geometric over the arithmetic mean of {@code max(amin, S²)} per frame. The geometric mean is the exponential of
 * the mean logarithm; instead of a logarithm per bin the values are multiplied in double and the binary exponent
 * is moved out every {@value #RENORMALISE} factors (each factor lies in [1e-10, 1e12], so the product can neither
 * overflow nor underflow in between): one logarithm per frame, within 1e-13 of the sum of logarithms.
 */
public final class SpectralFlatness {

    /** librosa's amin, applied to the power (float32 1e-10). */
    public static final float AMIN = 1e-10f;
    /** Factors multiplied between two renormalisations. */
    static final int RENORMALISE = 16;

    private static final double LN2 = Math.log(2.0);

    private SpectralFlatness() {}

    /** The flatness of one frame's power spectrum {@code power[0, bins)} (= |D|² in float32). */
    public static double flatness(float[] power, int bins) {
        double product = 1.0;
        long exponent = 0;
        double sum = 0.0;
        int b = 0;
        while (b < bins) {
            int end = Math.min(bins, b + RENORMALISE);
            for (; b < end; b++) {
                float p = power[b] < AMIN ? AMIN : power[b];
                product *= p;
                sum += p;
            }
            int e = Math.getExponent(product);
            exponent += e;
            product = Math.scalb(product, -e);
        }
        double meanLog = (Math.log(product) + exponent * LN2) / bins;
        return Math.exp(meanLog) / (sum / bins);
    }
}
