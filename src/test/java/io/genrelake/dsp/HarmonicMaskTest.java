package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * HPSS's soft mask: values by hand (the ratio of squares, 0 where H is 0, 0.5 where both are below float32 tiny), and
 * the Vector API version gives the plain loop's bits.
 */
class HarmonicMaskTest {

    @Test
    void plainMaskByHand() {
        int[] h = {Float.floatToRawIntBits(3f), Float.floatToRawIntBits(0f), Float.floatToRawIntBits(1e-39f)};
        float[] p = {4f, 2f, 0f};
        float[] re = {25f, 1f, 8f};
        float[] im = {-50f, 1f, 2f};
        float[] outRe = new float[3];
        float[] outIm = new float[3];
        Hpss.softMask(h, p, re, im, outRe, outIm, 0, 3);
        // 9 / (9 + 16) = 0.36; H = 0 gives 0; both below float32 tiny gives 0.5
        assertArrayEquals(new float[] {25f * 0.36f, 0f, 4f}, outRe, 0f);
        assertArrayEquals(new float[] {-50f * 0.36f, 0f, 1f}, outIm, 0f);
    }

    @Test
    void vectorMaskIsThePlainLoopsBits() {
        Hpss.HarmonicMask vector = VectorApiProbe.choose(Hpss.HarmonicMask.class, "VectorHarmonicMask",
                new Class<?>[0], new Object[0], () -> null);
        assertEquals(VectorApiProbe.AVAILABLE, vector != null, "the Vector API mask loads where the API is");
        if (vector == null) {
            return; // a JVM without the module: only the plain loop exists
        }
        Random rnd = new Random(5);
        int bins = Stft.BINS;
        for (int round = 0; round < 50; round++) {
            int[] h = new int[bins];
            float[] p = new float[bins];
            float[] re = new float[bins];
            float[] im = new float[bins];
            for (int k = 0; k < bins; k++) {
                // magnitudes from 0 and below float32 tiny up to 1e6, some H equal to P
                h[k] = Float.floatToRawIntBits(magnitude(rnd));
                p[k] = rnd.nextInt(10) == 0 ? Float.intBitsToFloat(h[k]) : magnitude(rnd);
                re[k] = (float) rnd.nextGaussian();
                im[k] = (float) rnd.nextGaussian();
            }
            float[] plainRe = new float[bins];
            float[] plainIm = new float[bins];
            float[] vecRe = new float[bins];
            float[] vecIm = new float[bins];
            Hpss.softMask(h, p, re, im, plainRe, plainIm, 0, bins);
            vector.apply(h, p, re, im, vecRe, vecIm, bins);
            assertArrayEquals(plainRe, vecRe, 0f, "round " + round);
            assertArrayEquals(plainIm, vecIm, 0f, "round " + round);
        }
    }

    private static float magnitude(Random rnd) {
        switch (rnd.nextInt(8)) {
            case 0: return 0f;
            case 1: return Float.MIN_NORMAL * rnd.nextFloat();
            default: return (float) Math.pow(10, rnd.nextDouble() * 12 - 6);
        }
    }
}
