package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** HPSS's soft mask, values by hand: the ratio of squares, 0 where H is 0, 0.5 where both are below float32 tiny. */
class HarmonicMaskTest {

    @Test
    void plainMaskByHand() {
        int[] h = {Float.floatToRawIntBits(3f), Float.floatToRawIntBits(0f), Float.floatToRawIntBits(1e-39f)};
        float[] p = {4f, 2f, 0f};
        float[] re = {25f, 1f, 8f};
        float[] im = {-50f, 1f, 2f};
        float[] outRe = new float[3];
        float[] outIm = new float[3];
        Hpss.softMask(h, p, re, im, outRe, outIm, 3);
        // 9 / (9 + 16) = 0.36; H = 0 gives 0; both below float32 tiny gives 0.5
        assertArrayEquals(new float[] {25f * 0.36f, 0f, 4f}, outRe, 0f);
        assertArrayEquals(new float[] {-50f * 0.36f, 0f, 1f}, outIm, 0f);
    }
}
