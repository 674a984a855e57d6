package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedianFiltersTest {

    /** scipy.ndimage.median_filter(x, size=w, mode='reflect') by brute force. */
    static float[] bruteForce(float[] x, int w) {
        int n = x.length;
        float[] out = new float[n];
        float[] win = new float[w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                win[j] = x[ReflectBoundary.index(i + j - w / 2, n)];
            }
            Arrays.sort(win);
            out[i] = win[w / 2];
        }
        return out;
    }

    @Test
    void reflectIsHalfSampleSymmetric() {
        // d c b a | a b c d | d c b a
        assertEquals(0, ReflectBoundary.index(-1, 4));
        assertEquals(3, ReflectBoundary.index(-4, 4));
        assertEquals(3, ReflectBoundary.index(4, 4));
        assertEquals(0, ReflectBoundary.index(7, 4));
        assertEquals(0, ReflectBoundary.index(8, 4), "period 2n");
        assertEquals(2, ReflectBoundary.index(-10, 3), "more than one length away: period 6, so -10 is index 2");
    }

    /** Magnitude-like values with many ties and zeros, as in silent or quantised passages. */
    private static float[] magnitudes(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (r.nextInt(4)) {
                case 0 -> 0f;
                case 1 -> (float) Math.floor(r.nextDouble() * 8) / 4f;
                case 2 -> Float.MIN_VALUE * r.nextInt(3); // subnormals order by their bits too
                default -> (float) Math.abs(r.nextGaussian() * r.nextGaussian() * 1e3);
            };
        }
        return x;
    }

    private static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Float.floatToRawIntBits(x[i]);
        }
        return b;
    }

    @Test
    void rowFilterMatchesBruteForceForEveryRowAndPiece() {
        Random r = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(300);
            int width = 1 + 2 * r.nextInt(16);
            int rows = 1 + r.nextInt(5);
            int chunks = 1 + r.nextInt(Math.min(n, 9));
            RowMedianFilter filter = new RowMedianFilter(rows, n, width, chunks);
            int count = 1 + r.nextInt(rows); // a partial block, as at the end of a signal
            float[][] x = new float[count][];
            float[][] out = new float[count][n];
            for (int i = 0; i < count; i++) {
                x[i] = magnitudes(r, n);
                filter.setRow(i, bits(x[i]));
            }
            filter.filter(count, out);
            for (int i = 0; i < count; i++) {
                assertArrayEquals(bruteForce(x[i], width), out[i],
                        "n=" + n + " width=" + width + " chunks=" + chunks + " row " + i);
            }
        }
    }

    /**
     * An implementation by name. The Vector API one runs where the JVM has the module (the build's test JVM
     * does: see the pom) and the CPU wide enough vectors; elsewhere its cases are skipped, saying so.
     */
    private static BiFunction<Integer, Integer, SortedWindowLanes> implementation(String name) {
        if (name.equals("vector")) {
            assumeTrue(VectorApiProbe.AVAILABLE, "the Vector API is not available in this JVM (needs --add-modules "
                    + "jdk.incubator.vector and 256-bit integer vectors): its version is not tested here");
            return VectorWindowLanes::new;
        }
        return MaskedWindowLanes::new;
    }

    @Test
    void theFactoryPicksTheVectorApiWhereTheJvmHasIt() {
        SortedWindowLanes windows = SortedWindowLanes.of(40, 31);
        if (VectorApiProbe.AVAILABLE) {
            assertInstanceOf(VectorWindowLanes.class, windows);
        } else {
            assertInstanceOf(MaskedWindowLanes.class, windows);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"masked", "vector"})
    void lanesFollowSlidingWindowsAlongTime(String name) {
        lanesFollowSlidingWindows(implementation(name), 37); // two whole vectors of 16 and a partial one
        lanesFollowSlidingWindows(implementation(name), 5);  // only a partial one
    }

    private static void lanesFollowSlidingWindows(BiFunction<Integer, Integer, SortedWindowLanes> make, int lanes) {
        Random r = new Random(11 + lanes);
        int frames = 200;
        int w = 31;
        float[][] x = new float[lanes][];
        for (int c = 0; c < lanes; c++) {
            x[c] = magnitudes(r, frames);
        }
        float[][] expected = new float[lanes][];
        for (int c = 0; c < lanes; c++) {
            expected[c] = bruteForce(x[c], w);
        }
        SortedWindowLanes windows = make.apply(lanes, w);
        int[] leaving = new int[lanes];
        int[] entering = new int[lanes];
        for (int v = -w / 2; v <= w / 2; v++) {
            for (int c = 0; c < lanes; c++) {
                entering[c] = Float.floatToRawIntBits(x[c][ReflectBoundary.index(v, frames)]);
            }
            windows.insert(entering);
        }
        for (int t = 0; t < frames; t++) {
            if (t > 0) {
                for (int c = 0; c < lanes; c++) {
                    leaving[c] = Float.floatToRawIntBits(x[c][ReflectBoundary.index(t - w / 2 - 1, frames)]);
                    entering[c] = Float.floatToRawIntBits(x[c][ReflectBoundary.index(t + w / 2, frames)]);
                }
                windows.slide(leaving, entering);
            }
            for (int c = 0; c < lanes; c++) {
                assertEquals(expected[c][t], Float.intBitsToFloat(windows.medianBits()[c]), "lane " + c + " frame " + t);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"masked", "vector"})
    void aPartlyFilledWindowCountsItsEmptySlotsAsLarge(String name) {
        SortedWindowLanes windows = implementation(name).apply(1, 5);
        windows.insert(new int[] {Float.floatToRawIntBits(3f)});
        windows.insert(new int[] {Float.floatToRawIntBits(1f)});
        assertEquals(SortedWindowLanes.EMPTY, windows.medianBits()[0], "2 values and 3 empty slots");
        windows.insert(new int[] {Float.floatToRawIntBits(2f)});
        assertEquals(3f, Float.intBitsToFloat(windows.medianBits()[0]), "1 2 3 E E");
        windows.clear();
        assertEquals(SortedWindowLanes.EMPTY, windows.medianBits()[0], "cleared");
    }
}
