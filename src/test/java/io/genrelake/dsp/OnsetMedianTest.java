package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The onset envelope's median over mel bands (selection, not sorting) against np.median written out with a full
 * sort: odd and even counts, all zeros, one positive, ties, and the 128 bands the extractor uses.
 */
class OnsetMedianTest {

    private static float sortedMedian(float[] values) {
        float[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return (n & 1) == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2f;
    }

    @Test
    void selectionGivesTheSortedMedian() {
        Random rnd = new Random(9);
        for (int trial = 0; trial < 20000; trial++) {
            int n = 1 + rnd.nextInt(trial % 3 == 0 ? 130 : 9);
            double zeroShare = rnd.nextDouble();
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() >= zeroShare) {
                    // few distinct values now and then, for ties
                    v[i] = trial % 5 == 0 ? 1 + rnd.nextInt(3) : (float) Math.abs(rnd.nextGaussian() * 10);
                }
            }
            float expected = sortedMedian(v);
            assertEquals(expected, OnsetStrength.median(v.clone(), n), 0f, "trial " + trial + ": " + Arrays.toString(v));
        }
    }

    @Test
    void byHand() {
        assertEquals(0f, OnsetStrength.median(new float[] {0f, 0f, 0f, 0f}, 4), 0f);
        assertEquals(1.5f, OnsetStrength.median(new float[] {0f, 0f, 3f, 5f}, 4), 0f);
        assertEquals(4f, OnsetStrength.median(new float[] {0f, 5f, 3f, 9f}, 4), 0f);
        assertEquals(3f, OnsetStrength.median(new float[] {7f, 0f, 3f}, 3), 0f);
    }

    @Test
    void selectPlacesTheKthSmallest() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 5000; trial++) {
            int n = 1 + rnd.nextInt(64);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(trial % 2 == 0 ? 5 : 1000);
            }
            int k = rnd.nextInt(n);
            float[] sorted = v.clone();
            Arrays.sort(sorted);
            OnsetStrength.select(v, n, k);
            assertEquals(sorted[k], v[k], 0f);
            for (int i = 0; i < n; i++) {
                if (i < k) {
                    assertTrue(v[i] <= v[k], "before k");
                } else if (i > k) {
                    assertTrue(v[i] >= v[k], "after k");
                }
            }
        }
    }
}
