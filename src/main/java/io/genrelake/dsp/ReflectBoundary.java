package io.genrelake.dsp;

/**
 * The boundary rule of {@code scipy.ndimage.median_filter(mode='reflect')}, which librosa's HPSS uses (the
 * medians themselves run on {@link SortedWindowLanes} along time and {@link RowMedianFilter} along
 * frequency).
 */
public final class ReflectBoundary {

    private ReflectBoundary() {}

    /**
     * scipy's 'reflect' boundary (half-sample symmetric: d c b a | a b c d | d c b a), repeated for
     * indices more than one length away.
     */
    public static int index(long i, int n) {
        long period = 2L * n;
        long j = i % period;
        if (j < 0) {
            j += period;
        }
        return (int) (j < n ? j : period - 1 - j);
    }
}
