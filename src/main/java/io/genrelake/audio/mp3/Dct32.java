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

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    private final float[] scratch = new float[32];

    /** x[0..32) becomes its DCT-II, in place. One method per size (not one recursive one) so that C2 inlines it all. */
    void transform(float[] x) {
        float[] t = scratch;
        split(x, t, 0, 5);
        dct16(t, x, 0);
        dct16(t, x, 16);
        merge(x, t, 0, 5);
    }

    private static void dct16(float[] x, float[] t, int off) {
        split(x, t, off, 4);
        dct8(t, x, off);
        dct8(t, x, off + 8);
        merge(x, t, off, 4);
    }

    private static void dct8(float[] x, float[] t, int off) {
        split(x, t, off, 3);
        dct4(t, x, off);
        dct4(t, x, off + 4);
        merge(x, t, off, 3);
    }

    private static void dct4(float[] x, float[] t, int off) {
        split(x, t, off, 2);
        dct2(t, off);
        dct2(t, off + 2);
        merge(x, t, off, 2);
    }

    /** X[0] = x0 + x1, X[1] = (x0 − x1)·cos(π/4). */
    private static void dct2(float[] x, int off) {
        float a = x[off];
        float b = x[off + 1];
        x[off] = a + b;
        x[off + 1] = (a - b) * INV_SQRT2;
    }

    /** tmp[off..off+h) = a, tmp[off+h..off+n) = b of x[off, off + n), n = 2^log. */
    private static void split(float[] x, float[] tmp, int off, int log) {
        int n = 1 << log;
        int h = n >> 1;
        float[] scale = SCALE[log];
        for (int k = 0; k < h; k++) {
            float a = x[off + k];
            float b = x[off + n - 1 - k];
            tmp[off + k] = a + b;
            tmp[off + h + k] = (a - b) * scale[k];
        }
    }

    /** x[off, off + n) interleaves the transformed halves in tmp: X[2m] = A[m], X[2m+1] = B[m] + B[m+1]. */
    private static void merge(float[] x, float[] tmp, int off, int log) {
        int n = 1 << log;
        int h = n >> 1;
        for (int m = 0; m < h - 1; m++) {
            x[off + 2 * m] = tmp[off + m];
            x[off + 2 * m + 1] = tmp[off + h + m] + tmp[off + h + m + 1];
        }
        x[off + n - 2] = tmp[off + h - 1];
        x[off + n - 1] = tmp[off + n - 1];
    }
}
