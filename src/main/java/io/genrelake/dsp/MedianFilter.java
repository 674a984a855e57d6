package io.genrelake.dsp;

import java.util.Arrays;

/**
 * Running medians over an odd window, as {@code scipy.ndimage.median_filter(mode='reflect')}: the
 * window is kept sorted and updated by one removal and one insertion per step, so a 31-point median
 * costs a binary search and a short shift instead of a sort. Values must not be NaN.
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

    /** Median filter of x[0..n) with an odd window, reflect boundary, into out; sorted is scratch of ≥ width. */
    public static void filter(float[] x, int n, int width, float[] out, float[] sorted) {
        int half = width / 2;
        for (int i = 0; i < width; i++) {
            sorted[i] = x[reflect(i - half, n)];
        }
        Arrays.sort(sorted, 0, width);
        out[0] = sorted[half];
        for (int i = 1; i < n; i++) {
            int leaving = i - half - 1;
            int entering = i + half;
            float o = leaving >= 0 ? x[leaving] : x[reflect(leaving, n)];
            float e = entering < n ? x[entering] : x[reflect(entering, n)];
            if (o != e) {
                replace(sorted, 0, width, o, e);
            }
            out[i] = sorted[half];
        }
    }

    /**
     * In the sorted run {@code a[from, from+width)}, replaces one element equal to {@code oldValue} by
     * {@code newValue}, keeping the run sorted.
     */
    public static void replace(float[] a, int from, int width, float oldValue, float newValue) {
        // binary search for an element equal to oldValue (it is present)
        int lo = from;
        int hi = from + width - 1;
        int i = lo;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            float v = a[mid];
            if (v < oldValue) {
                lo = mid + 1;
            } else if (v > oldValue) {
                hi = mid - 1;
            } else {
                i = mid;
                break;
            }
        }
        int end = from + width - 1;
        if (newValue > oldValue) {
            while (i < end && a[i + 1] < newValue) {
                a[i] = a[i + 1];
                i++;
            }
        } else {
            while (i > from && a[i - 1] > newValue) {
                a[i] = a[i - 1];
                i--;
            }
        }
        a[i] = newValue;
    }
}
