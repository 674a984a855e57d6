package io.genrelake.audio.mp3;

/**
 * The 32-point DCT-II X[m] = Σ_k x[k]·cos(m(2k+1)π/64) by Lee's recursion (B. G. Lee, "A new algorithm to compute
 * the discrete cosine transform", 1984): with a[k] = x[k] + x[N−1−k] and b[k] = (x[k] − x[N−1−k])/(2cos((2k+1)π/2N)),
 * X[2m] = DCT_{N/2}(a)[m] and X[2m+1] = B[m] + B[m+1] (B[N/2] = 0). 80 multiplications instead of 1024.
 * Not thread-safe.
 */
final class Dct32 {

    /** SCALE[log2 N][k] = 1/(2cos((2k+1)π/2N)). */
    private static final float[][] SCALE = new float[6][];

    static {
        for (int log = 1; log <= 5; log++) {
            int n = 1 << log;
            SCALE[log] = new float[n / 2];
            for (int k = 0; k < n / 2; k++) {
                SCALE[log][k] = (float) (0.5 / Math.cos((2 * k + 1) * Math.PI / (2 * n)));
            }
        }
    }

    private final float[] scratch = new float[32];

    /** x[0..32) becomes its DCT-II, in place. */
    void transform(float[] x) {
        transform(x, scratch, 0, 5);
    }

    /** x[off, off + 2^log) in place, with tmp's same range as scratch. */
    private static void transform(float[] x, float[] tmp, int off, int log) {
        int n = 1 << log;
        int h = n >> 1;
        float[] scale = SCALE[log];
        for (int k = 0; k < h; k++) {
            float a = x[off + k];
            float b = x[off + n - 1 - k];
            tmp[off + k] = a + b;
            tmp[off + h + k] = (a - b) * scale[k];
        }
        if (h > 1) {
            transform(tmp, x, off, log - 1);
            transform(tmp, x, off + h, log - 1);
        }
        for (int m = 0; m < h - 1; m++) {
            x[off + 2 * m] = tmp[off + m];
            x[off + 2 * m + 1] = tmp[off + h + m] + tmp[off + h + m + 1];
        }
        x[off + n - 2] = tmp[off + h - 1];
        x[off + n - 1] = tmp[off + n - 1];
    }
}
