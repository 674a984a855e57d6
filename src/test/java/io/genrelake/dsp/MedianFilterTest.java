package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianFilterTest {

    /** scipy.ndimage.median_filter(x, size=w, mode='reflect') by brute force. */
    static float[] bruteForce(float[] x, int w) {
        int n = x.length;
        float[] out = new float[n];
        float[] win = new float[w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                win[j] = x[MedianFilter.reflect(i + j - w / 2, n)];
            }
            Arrays.sort(win);
            out[i] = win[w / 2];
        }
        return out;
    }

    @Test
    void reflectIsHalfSampleSymmetric() {
        // d c b a | a b c d | d c b a
        assertEquals(0, MedianFilter.reflect(-1, 4));
        assertEquals(3, MedianFilter.reflect(-4, 4));
        assertEquals(3, MedianFilter.reflect(4, 4));
        assertEquals(0, MedianFilter.reflect(7, 4));
        assertEquals(0, MedianFilter.reflect(8, 4), "period 2n");
        assertEquals(2, MedianFilter.reflect(-10, 3), "more than one length away: period 6, so -10 is index 2");
    }

    @Test
    void matchesBruteForceOnRandomDataWithTies() {
        RankedWindowMedian ranked = new RankedWindowMedian();
        Random r = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + r.nextInt(400);
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                // quantised values and zeros: many ties, as in silent passages
                x[i] = r.nextInt(4) == 0 ? 0f : (float) Math.floor(r.nextDouble() * 8) / 4f;
            }
            float[] out = new float[n];
            MedianFilter.filter(x, n, 31, out, new float[n + 30], ranked);
            assertArrayEquals(bruteForce(x, 31), out, "n=" + n);
        }
    }

    @Test
    void bankMatchesBruteForceAlongTime() {
        Random r = new Random(11);
        int channels = 5;
        int frames = 120;
        int w = 31;
        float[][] x = new float[channels][frames];
        for (float[] c : x) {
            for (int t = 0; t < frames; t++) {
                c[t] = r.nextInt(5) == 0 ? 0f : (float) (r.nextGaussian() * r.nextGaussian());
                c[t] = Math.abs(c[t]);
            }
        }
        MedianFilter.Bank bank = new MedianFilter.Bank(channels, w);
        // window of output 0: frames -15..15, reflected
        for (int v = -w / 2; v <= w / 2; v++) {
            for (int c = 0; c < channels; c++) {
                bank.set(c, Math.floorMod(v, w), x[c][MedianFilter.reflect(v, frames)]);
            }
        }
        bank.start();
        float[][] expected = new float[channels][];
        for (int c = 0; c < channels; c++) {
            expected[c] = bruteForce(x[c], w);
        }
        float[] entering = new float[channels];
        for (int t = 0; t < frames; t++) {
            if (t > 0) {
                int v = t + w / 2;
                for (int c = 0; c < channels; c++) {
                    entering[c] = x[c][MedianFilter.reflect(v, frames)];
                }
                bank.slide(Math.floorMod(v, w), entering);
            }
            for (int c = 0; c < channels; c++) {
                assertEquals(expected[c][t], bank.median(c), "channel " + c + " frame " + t);
            }
        }
    }
}
