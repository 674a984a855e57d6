package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealFftTest {

    private static double[] random(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 2 - 1;
        }
        return x;
    }

    private static double sumAbs(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Naive rfft; the phase index jk is reduced mod n so every twiddle is exact to 1 ulp. */
    private static double[][] naiveRfft(double[] x) {
        int n = x.length;
        double[] cos = new double[n], sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double sr = 0, si = 0;
            for (int j = 0; j < n; j++) {
                int p = (int) ((long) j * k % n);
                sr += x[j] * cos[p];
                si -= x[j] * sin[p];
            }
            re[k] = sr;
            im[k] = si;
        }
        return new double[][] {re, im};
    }

    /** Naive irfft over the Hermitian extension; imag of X[0] and X[n/2] ignored. */
    private static double[] naiveIrfft(double[] re, double[] im, int n) {
        int m = n / 2;
        double[] cos = new double[n], sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            double s = re[0] + ((j & 1) == 0 ? re[m] : -re[m]);
            for (int k = 1; k < m; k++) {
                int p = (int) ((long) j * k % n);
                s += 2 * (re[k] * cos[p] - im[k] * sin[p]);
            }
            x[j] = s / n;
        }
        return x;
    }

    private static double maxAbsDiff(double[] a, double[] b, int len) {
        double d = 0;
        for (int i = 0; i < len; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096})
    void forwardMatchesNaiveDft(int n) {
        double[] x = random(n, 1000 + n);
        double[] x0 = x.clone();
        RealFft fft = new RealFft(n);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        fft.forward(x, re, im);
        double[][] ref = naiveRfft(x);
        double tol = 1e-11 * sumAbs(x);
        assertTrue(maxAbsDiff(re, ref[0], n / 2 + 1) <= tol, "re error at n=" + n);
        assertTrue(maxAbsDiff(im, ref[1], n / 2 + 1) <= tol, "im error at n=" + n);
        assertArrayEquals(x0, x, 0.0, "forward must not modify x");
        // Same instance again: no state may leak from the previous call.
        double[] re2 = new double[n / 2 + 1], im2 = new double[n / 2 + 1];
        fft.forward(x, re2, im2);
        assertArrayEquals(re, re2, 0.0);
        assertArrayEquals(im, im2, 0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096})
    void inverseMatchesNaiveIdft(int n) {
        int m = n / 2;
        double[] re = random(m + 1, 2000 + n), im = random(m + 1, 3000 + n);
        double[] re0 = re.clone(), im0 = im.clone();
        double[] x = new double[n];
        new RealFft(n).inverse(re, im, x);
        double[] ref = naiveIrfft(re, im, n);
        double tol = 1e-11 * (sumAbs(re) + sumAbs(im));
        assertTrue(maxAbsDiff(x, ref, n) <= tol, "error at n=" + n + ": " + maxAbsDiff(x, ref, n));
        assertArrayEquals(re0, re, 0.0, "inverse must not modify re");
        assertArrayEquals(im0, im, 0.0, "inverse must not modify im");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void roundTrip(int n) {
        double[] x = random(n, 4000 + n);
        RealFft fft = new RealFft(n);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1], y = new double[n];
        fft.forward(x, re, im);
        fft.inverse(re, im, y);
        assertTrue(maxAbsDiff(x, y, n) <= 1e-13, "round trip at n=" + n + ": " + maxAbsDiff(x, y, n));
    }

    @Test
    void largeSizesAgreeWithNaiveAtSampledBins() {
        int n = 65536;
        double[] x = random(n, 77);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        new RealFft(n).forward(x, re, im);
        double tol = 1e-11 * sumAbs(x);
        for (int k : new int[] {0, 1, 2, 3, 1000, 12345, 16384, 32767, 32768}) {
            double sr = 0, si = 0;
            for (int j = 0; j < n; j++) {
                int p = (int) ((long) j * k % n);
                double a = 2 * Math.PI * p / n;
                sr += x[j] * Math.cos(a);
                si -= x[j] * Math.sin(a);
            }
            assertEquals(sr, re[k], tol, "re at bin " + k);
            assertEquals(si, im[k], tol, "im at bin " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16, 2048})
    void impulse(int n) {
        RealFft fft = new RealFft(n);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        for (int j0 : new int[] {0, 1, n / 2 - 1, n - 1}) {
            double[] x = new double[n];
            x[j0] = 1;
            fft.forward(x, re, im);
            for (int k = 0; k <= n / 2; k++) {
                double a = -2 * Math.PI * ((long) j0 * k % n) / n;
                assertEquals(Math.cos(a), re[k], 1e-14, "re, impulse at " + j0 + ", bin " + k);
                assertEquals(Math.sin(a), im[k], 1e-14, "im, impulse at " + j0 + ", bin " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 1024, 2048})
    void constant(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 0.75);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        new RealFft(n).forward(x, re, im);
        assertEquals(0.75 * n, re[0], 1e-12);
        assertEquals(0.0, im[0], 0.0);
        for (int k = 1; k <= n / 2; k++) {
            assertEquals(0.0, re[k], 1e-12, "re bin " + k);
            assertEquals(0.0, im[k], 1e-12, "im bin " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 32, 1024, 2048})
    void pureCosineLandsInItsBin(int n) {
        RealFft fft = new RealFft(n);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        for (int k0 : new int[] {1, 2, n / 8, n / 4 - 1, n / 2 - 1}) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = Math.cos(2 * Math.PI * ((long) j * k0 % n) / n);
            }
            fft.forward(x, re, im);
            for (int k = 0; k <= n / 2; k++) {
                double expect = k == k0 ? n / 2.0 : 0.0;
                assertEquals(expect, re[k], 1e-10, "re, cosine " + k0 + ", bin " + k);
                assertEquals(0.0, im[k], 1e-10, "im, cosine " + k0 + ", bin " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 1024, 2048})
    void nyquist(int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = (j & 1) == 0 ? 1 : -1;
        }
        RealFft fft = new RealFft(n);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        fft.forward(x, re, im);
        for (int k = 0; k < n / 2; k++) {
            assertEquals(0.0, re[k], 1e-12, "re bin " + k);
            assertEquals(0.0, im[k], 1e-12, "im bin " + k);
        }
        assertEquals(n, re[n / 2], 1e-12);
        assertEquals(0.0, im[n / 2], 0.0);
        // And back: a lone Nyquist bin inverts to the alternating sequence.
        double[] sr = new double[n / 2 + 1], si = new double[n / 2 + 1], y = new double[n];
        sr[n / 2] = n;
        fft.inverse(sr, si, y);
        assertArrayEquals(x, y, 1e-14);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 16, 2048})
    void inverseIgnoresImagOfDcAndNyquist(int n) {
        int m = n / 2;
        double[] re = random(m + 1, 5 + n), im = random(m + 1, 6 + n);
        RealFft fft = new RealFft(n);
        double[] a = new double[n], b = new double[n];
        im[0] = 0;
        im[m] = 0;
        fft.inverse(re, im, a);
        im[0] = 123.5;
        im[m] = -7.25;
        fft.inverse(re, im, b);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void dcAndNyquistOfForwardAreExactlyReal() {
        double[] x = random(2048, 9);
        double[] re = new double[1025], im = new double[1025];
        java.util.Arrays.fill(im, Double.NaN);
        new RealFft(2048).forward(x, re, im);
        assertEquals(0.0, im[0], 0.0);
        assertEquals(0.0, im[1024], 0.0);
    }

    @Test
    void acceptsLongerOutputArraysAndLeavesTailAlone() {
        int n = 64;
        double[] x = random(n, 11);
        RealFft fft = new RealFft(n);
        double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
        fft.forward(x, re, im);
        double[] reL = new double[n], imL = new double[n];
        java.util.Arrays.fill(reL, 99);
        java.util.Arrays.fill(imL, 99);
        fft.forward(x, reL, imL);
        assertArrayEquals(re, java.util.Arrays.copyOf(reL, n / 2 + 1), 0.0);
        assertArrayEquals(im, java.util.Arrays.copyOf(imL, n / 2 + 1), 0.0);
        assertEquals(99, reL[n / 2 + 1], 0.0);
        assertEquals(99, imL[n - 1], 0.0);
    }

    @Test
    void interleavedCallsOnOneInstanceDoNotInterfere() {
        int n = 2048;
        RealFft fft = new RealFft(n);
        double[] a = random(n, 21), b = random(n, 22);
        double[] ra = new double[n / 2 + 1], ia = new double[n / 2 + 1];
        double[] rb = new double[n / 2 + 1], ib = new double[n / 2 + 1];
        double[] ya = new double[n], yb = new double[n];
        fft.forward(a, ra, ia);
        fft.inverse(ra, ia, ya);
        double[] ya0 = ya.clone(), ra0 = ra.clone();
        fft.forward(b, rb, ib);
        fft.inverse(rb, ib, yb);
        fft.forward(a, ra, ia);
        fft.inverse(ra, ia, ya);
        assertArrayEquals(ra0, ra, 0.0);
        assertArrayEquals(ya0, ya, 0.0);
        assertTrue(maxAbsDiff(b, yb, n) <= 1e-13);
    }

    @Test
    void sizeAndValidation() {
        assertEquals(2048, new RealFft(2048).size());
        assertEquals(4, new RealFft(4).size());
        assertEquals(65536, new RealFft(65536).size());
        for (int bad : new int[] {-4, 0, 1, 2, 3, 6, 100, 1000, 131072, Integer.MIN_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> new RealFft(bad), "n=" + bad);
        }
        RealFft fft = new RealFft(16);
        assertThrows(IllegalArgumentException.class, () -> fft.forward(new double[15], new double[9], new double[9]));
        assertThrows(IllegalArgumentException.class, () -> fft.forward(new double[16], new double[8], new double[9]));
        assertThrows(IllegalArgumentException.class, () -> fft.inverse(new double[9], new double[9], new double[15]));
        assertThrows(IllegalArgumentException.class, () -> fft.inverse(new double[9], new double[8], new double[16]));
    }
}
