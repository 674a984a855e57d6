package io.genrelake.features;

/**
 * Streaming mean and population variance (numpy.mean / numpy.var with ddof = 0). Sums are kept
 * relative to the first value (the "shifted data" algorithm), which keeps the variance accurate when
 * the mean is large compared with the spread, without a division per value.
 */
final class MeanVariance {

    private long n;
    private double shift;
    private double sum;
    private double sumSq;

    void add(double x) {
        if (n == 0) {
            shift = x;
        }
        double d = x - shift;
        sum += d;
        sumSq += d * d;
        n++;
    }

    /** Adds {@code count} zeros (the zero-filled tail of the HPSS signals). */
    void addZeros(long count) {
        if (count <= 0) {
            return;
        }
        if (n == 0) {
            shift = 0;
        }
        double d = -shift;
        sum += d * count;
        sumSq += d * d * count;
        n += count;
    }

    void addAll(float[] v, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (n == 0) {
            shift = v[off];
        }
        double s0 = 0, s1 = 0;
        double q0 = 0, q1 = 0;
        double k = shift;
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            double d0 = v[i] - k;
            double d1 = v[i + 1] - k;
            s0 += d0;
            s1 += d1;
            q0 += d0 * d0;
            q1 += d1 * d1;
        }
        if (i < end) {
            double d = v[i] - k;
            s0 += d;
            q0 += d * d;
        }
        sum += s0 + s1;
        sumSq += q0 + q1;
        n += len;
    }

    long count() {
        return n;
    }

    double mean() {
        return n == 0 ? 0.0 : shift + sum / n;
    }

    double variance() {
        if (n == 0) {
            return 0.0;
        }
        double m = sum / n;
        return Math.max(0.0, sumSq / n - m * m);
    }

    void reset() {
        n = 0;
        shift = sum = sumSq = 0;
    }
}
