package io.genrelake.dsp;

import java.util.Arrays;

/**
 * Running medians over an odd window, as {@code scipy.ndimage.median_filter(mode='reflect')}, for
 * non-negative floats (spectral magnitudes). {@link #filter} filters a whole array (by ranks, see
 * {@link RankedWindowMedian}); {@link Bank} keeps many running medians that advance one value at a time
 * (along time, where the values arrive frame by frame).
 *
 * <p>In a {@link Bank}, instead of keeping each window sorted, only its median m is kept, with the number of window
 * values below it ({@code less}) and equal to it ({@code equal}). Sliding the window by one value
 * updates the two counts; only when m stops being the middle value is the window scanned for the next
 * value below or above it. Values are held as their IEEE bits — for non-negative floats the bit
 * patterns order like the values — so every count and scan is branch-free integer arithmetic
 * ({@code (x − m) >>> 31} is 1 exactly when x < m) that recent JITs vectorise.
 */
public final class MedianFilter {

    private MedianFilter() {}

    /**
     * scipy's 'reflect' boundary (half-sample symmetric: d c b a | a b c d | d c b a), repeated for
     * indices more than one length away.
     */
    public static int reflect(long i, int n) {
        long period = 2L * n;
        long j = i % period;
        if (j < 0) {
            j += period;
        }
        return (int) (j < n ? j : period - 1 - j);
    }

    /**
     * Median filter of x[0..n) (non-negative values) with an odd window and reflect boundary into out;
     * {@code padded} is scratch of at least n + width − 1 floats.
     */
    public static void filter(float[] x, int n, int width, float[] out, float[] padded, RankedWindowMedian ranked) {
        int half = width / 2;
        for (int i = 0; i < half; i++) {
            padded[i] = x[reflect(i - half, n)];
            padded[half + n + i] = x[reflect(n + i, n)];
        }
        System.arraycopy(x, 0, padded, half, n);
        ranked.medians(padded, n + width - 1, width, out);
    }

    /** The value of rank r (0-based) of a[from, from+len). */
    static int select(int[] a, int from, int len, int r) {
        int[] copy = Arrays.copyOfRange(a, from, from + len);
        Arrays.sort(copy);
        return copy[r];
    }

    static int countLess(int[] a, int from, int len, int m) {
        int c = 0;
        for (int j = from; j < from + len; j++) {
            c += (a[j] - m) >>> 31;
        }
        return c;
    }

    static int countEqual(int[] a, int from, int len, int m) {
        int c = 0;
        for (int j = from; j < from + len; j++) {
            c += ((a[j] ^ m) - 1) >>> 31;
        }
        return c;
    }

    /** The largest value below m (there is one whenever more than half the window is below m). */
    static int maxBelow(int[] a, int from, int len, int m) {
        int best = -1;
        for (int j = from; j < from + len; j++) {
            int x = a[j];
            int below = (x - m) >> 31; // all ones when x < m
            best = Math.max(best, (x & below) | ~below);
        }
        return best;
    }

    /** The smallest value above m. */
    static int minAbove(int[] a, int from, int len, int m) {
        int best = Integer.MAX_VALUE;
        for (int j = from; j < from + len; j++) {
            int x = a[j];
            int above = (m - x) >> 31; // all ones when x > m
            best = Math.min(best, (x & above) | (~above & Integer.MAX_VALUE));
        }
        return best;
    }

    /**
     * Running medians of many channels side by side (one per frequency bin, along time), each over a
     * window of {@code width} values held contiguously per channel in arrival slots.
     */
    public static final class Bank {
        private final int channels;
        private final int width;
        private final int half;
        private final int[] window;
        private final int[] median;
        private final int[] less;
        private final int[] equal;

        public Bank(int channels, int width) {
            this.channels = channels;
            this.width = width;
            this.half = width / 2;
            this.window = new int[channels * width];
            this.median = new int[channels];
            this.less = new int[channels];
            this.equal = new int[channels];
        }

        /** Sets slot s of channel c without updating its median (fill every slot, then {@link #start}). */
        public void set(int c, int slot, float v) {
            window[c * width + slot] = Float.floatToRawIntBits(v);
        }

        /** Computes every channel's median from scratch. */
        public void start() {
            for (int c = 0; c < channels; c++) {
                int base = c * width;
                int m = select(window, base, width, half);
                median[c] = m;
                less[c] = countLess(window, base, width, m);
                equal[c] = countEqual(window, base, width, m);
            }
        }

        /** Replaces the value in {@code slot} of every channel c by {@code values[c]}, updating the medians. */
        public void slide(int slot, float[] values) {
            for (int c = 0; c < channels; c++) {
                int base = c * width;
                int o = window[base + slot];
                int e = Float.floatToRawIntBits(values[c]);
                if (o == e) {
                    continue;
                }
                window[base + slot] = e;
                int m = median[c];
                int l = less[c] + ((e - m) >>> 31) - ((o - m) >>> 31);
                int q = equal[c] + (e == m ? 1 : 0) - (o == m ? 1 : 0);
                if (l > half) {
                    m = maxBelow(window, base, width, m);
                    q = countEqual(window, base, width, m);
                    l -= q;
                    median[c] = m;
                } else if (l + q <= half) {
                    l += q;
                    m = minAbove(window, base, width, m);
                    q = countEqual(window, base, width, m);
                    median[c] = m;
                }
                less[c] = l;
                equal[c] = q;
            }
        }

        /** The current median of channel c. */
        public float median(int c) {
            return Float.intBitsToFloat(median[c]);
        }
    }
}
