package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LaneRealFft must give, lane by lane, exactly RealFft's bits for that frame alone. */
class LaneRealFftTest {

    private static final int L = LaneRealFft.LANES;

    /**
     * Frame values by kind: 0 uniform in [-1, 1], 1 all zeros, 2 huge (~1e300, no overflow even after n-fold
     * sums), 3 tiny (~1e-300 and subnormals), 4 mixed magnitudes with exact zeros, 5 gaussian with some
     * signed zeros.
     */
    private static double[] frame(int len, int kind, Random rnd) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            switch (kind) {
                case 0: v[i] = rnd.nextDouble() * 2 - 1; break;
                case 1: v[i] = 0.0; break;
                case 2: v[i] = (rnd.nextDouble() * 2 - 1) * 1e300; break;
                case 3: v[i] = rnd.nextInt(4) == 0 ? (rnd.nextInt(100) - 50) * Double.MIN_VALUE
                        : (rnd.nextDouble() * 2 - 1) * 1e-300; break;
                case 4: v[i] = rnd.nextInt(3) == 0 ? 0.0
                        : (rnd.nextDouble() * 2 - 1) * Math.pow(10, rnd.nextInt(40) - 20); break;
                default: v[i] = rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? 0.0 : -0.0) : rnd.nextGaussian(); break;
            }
        }
        return v;
    }

    /** Lane l gets frames[l]: out[j·L + l] = frames[l][j]. */
    private static double[] interleave(double[][] frames, int len) {
        double[] out = new double[len * L];
        for (int l = 0; l < L; l++) {
            for (int j = 0; j < len; j++) {
                out[j * L + l] = frames[l][j];
            }
        }
        return out;
    }

    private static void assertLaneBits(double[] expect, double[] lanes, int l, int len, String what) {
        for (int j = 0; j < len; j++) {
            long e = Double.doubleToRawLongBits(expect[j]);
            long a = Double.doubleToRawLongBits(lanes[j * L + l]);
            if (e != a) {
                assertEquals(expect[j], lanes[j * L + l], 0.0, what + ", lane " + l + ", index " + j);
                assertEquals(e, a, what + ", lane " + l + ", index " + j + " (same value, other bits)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 128, 256, 512, 1024, 2048, 4096, 8192})
    void forwardIsBitIdenticalToRealFftPerLane(int n) {
        int bins = n / 2 + 1;
        RealFft ref = new RealFft(n);
        LaneRealFft lane = new LaneRealFft(n);
        assertEquals(n, lane.size());
        assertEquals(L, lane.lanes());
        double[] re = new double[bins * L], im = new double[bins * L];
        double[] r = new double[bins], i = new double[bins];
        for (long seed = 1; seed <= 4; seed++) {
            Random rnd = new Random(seed * 1000 + n);
            double[][] frames = new double[L][];
            for (int l = 0; l < L; l++) {
                frames[l] = frame(n, (int) ((l + seed) % 6), rnd);
            }
            double[] x = interleave(frames, n);
            double[] x0 = x.clone();
            lane.forward(x, re, im);
            assertArrayEquals(x0, x, 0.0, "forward must not modify x");
            for (int l = 0; l < L; l++) {
                ref.forward(frames[l], r, i);
                assertLaneBits(r, re, l, bins, "re, n=" + n + ", seed " + seed);
                assertLaneBits(i, im, l, bins, "im, n=" + n + ", seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 128, 256, 512, 1024, 2048, 4096, 8192})
    void inverseIsBitIdenticalToRealFftPerLane(int n) {
        int bins = n / 2 + 1;
        RealFft ref = new RealFft(n);
        LaneRealFft lane = new LaneRealFft(n);
        double[] x = new double[n * L], y = new double[n];
        for (long seed = 1; seed <= 4; seed++) {
            Random rnd = new Random(seed * 7000 + n);
            double[][] res = new double[L][], ims = new double[L][];
            for (int l = 0; l < L; l++) {
                res[l] = frame(bins, (int) ((l + seed) % 6), rnd);
                ims[l] = frame(bins, (int) ((l + 2 * seed) % 6), rnd);
            }
            double[] re = interleave(res, bins), im = interleave(ims, bins);
            double[] re0 = re.clone(), im0 = im.clone();
            lane.inverse(re, im, x);
            assertArrayEquals(re0, re, 0.0, "inverse must not modify re");
            assertArrayEquals(im0, im, 0.0, "inverse must not modify im");
            for (int l = 0; l < L; l++) {
                ref.inverse(res[l], ims[l], y);
                assertLaneBits(y, x, l, n, "x, n=" + n + ", seed " + seed);
            }
        }
    }

    @Test
    void spectraOfRealFramesRoundTripPerLane() {
        // Hermitian spectra from real frames (the extractor's use), forward then inverse, both against RealFft.
        int n = 2048, bins = n / 2 + 1;
        RealFft ref = new RealFft(n);
        LaneRealFft lane = new LaneRealFft(n);
        Random rnd = new Random(42);
        double[][] frames = new double[L][];
        for (int l = 0; l < L; l++) {
            frames[l] = frame(n, l % 2 == 0 ? 0 : 5, rnd);
        }
        double[] re = new double[bins * L], im = new double[bins * L], x = new double[n * L];
        lane.forward(interleave(frames, n), re, im);
        lane.inverse(re, im, x);
        double[] r = new double[bins], i = new double[bins], y = new double[n];
        for (int l = 0; l < L; l++) {
            ref.forward(frames[l], r, i);
            ref.inverse(r, i, y);
            assertLaneBits(y, x, l, n, "round trip");
            for (int j = 0; j < n; j++) {
                assertEquals(frames[l][j], x[j * L + l], 1e-13);
            }
        }
    }

    /**
     * The same comparison after enough calls that C2 has compiled the kernels (the Vector API runs as plain Java
     * in the interpreter and C1, so the first calls alone would not test the intrinsics' code).
     */
    @Test
    void compiledCodeIsBitIdenticalToo() {
        int n = 2048, bins = n / 2 + 1;
        RealFft ref = new RealFft(n);
        LaneRealFft lane = new LaneRealFft(n);
        Random rnd = new Random(99);
        double[] re = new double[bins * L], im = new double[bins * L], y = new double[n * L];
        double[] r = new double[bins], i = new double[bins], z = new double[n];
        for (int call = 0; call < 1500; call++) {
            double[][] frames = new double[L][];
            for (int l = 0; l < L; l++) {
                frames[l] = frame(n, (call + l) % 6, rnd);
            }
            lane.forward(interleave(frames, n), re, im);
            lane.inverse(re, im, y);
            if (call % 250 == 249) {
                for (int l = 0; l < L; l++) {
                    ref.forward(frames[l], r, i);
                    ref.inverse(r, i, z);
                    assertLaneBits(r, re, l, bins, "re, call " + call);
                    assertLaneBits(i, im, l, bins, "im, call " + call);
                    assertLaneBits(z, y, l, n, "x, call " + call);
                }
            }
        }
    }

    @Test
    void repeatedCallsOnOneInstanceGiveTheSameBits() {
        int n = 512, bins = n / 2 + 1;
        LaneRealFft lane = new LaneRealFft(n);
        Random rnd = new Random(5);
        double[][] a = new double[L][], b = new double[L][];
        for (int l = 0; l < L; l++) {
            a[l] = frame(n, 0, rnd);
            b[l] = frame(n, 5, rnd);
        }
        double[] xa = interleave(a, n), xb = interleave(b, n);
        double[] re = new double[bins * L], im = new double[bins * L], ya = new double[n * L];
        lane.forward(xa, re, im);
        double[] re0 = re.clone(), im0 = im.clone();
        lane.inverse(re, im, ya);
        double[] ya0 = ya.clone();
        lane.forward(xb, re, im);
        lane.inverse(re, im, ya);
        lane.forward(xa, re, im);
        lane.inverse(re, im, ya);
        assertArrayEquals(re0, re, 0.0);
        assertArrayEquals(im0, im, 0.0);
        assertArrayEquals(ya0, ya, 0.0);
    }

    @Test
    void inverseIgnoresImagOfDcAndNyquist() {
        int n = 128, bins = n / 2 + 1;
        LaneRealFft lane = new LaneRealFft(n);
        Random rnd = new Random(8);
        double[] re = new double[bins * L], im = new double[bins * L];
        for (int j = 0; j < bins * L; j++) {
            re[j] = rnd.nextDouble() - 0.5;
            im[j] = rnd.nextDouble() - 0.5;
        }
        double[] a = new double[n * L], b = new double[n * L];
        lane.inverse(re, im, a);
        for (int l = 0; l < L; l++) {
            im[l] = 123.5 + l;
            im[(bins - 1) * L + l] = -7.25 * l;
        }
        lane.inverse(re, im, b);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void layoutCopiesMatchTheIndexFormula() {
        int count = 37;
        Random rnd = new Random(3);
        float[][] rows = new float[L][count];
        for (float[] row : rows) {
            for (int i = 0; i < count; i++) {
                row[i] = (float) rnd.nextGaussian();
            }
        }
        double[] scale = new double[count];
        for (int i = 0; i < count; i++) {
            scale[i] = rnd.nextDouble();
        }
        double[] lanes = new double[count * L + 5];
        LaneLayout.toLanes(rows, scale, L, count, lanes);
        for (int l = 0; l < L; l++) {
            for (int i = 0; i < count; i++) {
                assertEquals(rows[l][i] * scale[i], lanes[i * L + l], 0.0);
            }
        }
        for (int j = 0; j < lanes.length; j++) {
            lanes[j] = rnd.nextGaussian() * 1e10;
        }
        float[][] back = new float[L][count];
        LaneLayout.fromLanes(lanes, L, count, back);
        for (int l = 0; l < L; l++) {
            for (int i = 0; i < count; i++) {
                assertEquals((float) lanes[i * L + l], back[l][i], 0.0f);
            }
        }
        double[][] backDouble = new double[L][count];
        LaneLayout.fromLanes(lanes, L, count, backDouble);
        for (int l = 0; l < L; l++) {
            for (int i = 0; i < count; i++) {
                assertEquals(lanes[i * L + l], backDouble[l][i], 0.0);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> LaneLayout.toLanes(rows, scale, L, count + 1, new double[count * L]));
        assertThrows(IllegalArgumentException.class, () -> LaneLayout.fromLanes(new double[count * L], L, count,
                new float[L - 1][count]));
    }

    @Test
    void sizesBelow32AreRefused() {
        // RealFft takes these (first pass radix 2, or n = 4); LaneRealFft does not.
        for (int n : new int[] {4, 8, 16}) {
            new RealFft(n);
            assertThrows(IllegalArgumentException.class, () -> new LaneRealFft(n), "n=" + n);
        }
        for (int bad : new int[] {-4, 0, 1, 2, 3, 6, 100, 1000, 131072, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new LaneRealFft(bad), "n=" + bad);
        }
        for (int n : new int[] {32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536}) {
            assertEquals(n, new LaneRealFft(n).size());
        }
    }

    @Test
    void shortArraysAreRefused() {
        int n = 32, bins = n / 2 + 1;
        LaneRealFft lane = new LaneRealFft(n);
        assertThrows(IllegalArgumentException.class,
                () -> lane.forward(new double[n * L - 1], new double[bins * L], new double[bins * L]));
        assertThrows(IllegalArgumentException.class,
                () -> lane.forward(new double[n * L], new double[bins * L - 1], new double[bins * L]));
        assertThrows(IllegalArgumentException.class,
                () -> lane.inverse(new double[bins * L], new double[bins * L], new double[n * L - 1]));
        assertThrows(IllegalArgumentException.class,
                () -> lane.inverse(new double[bins * L], new double[bins * L - 1], new double[n * L]));
    }
}
