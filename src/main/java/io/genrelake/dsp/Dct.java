package io.genrelake.dsp;

/**
 * The first rows of the orthonormal DCT-II, as {@code scipy.fftpack.dct(x, type=2, norm='ortho')}
 * applied along the mel axis in {@code librosa.feature.mfcc}:
 * {@code X_k = s_k Σ_n x_n cos(π k (2n+1) / 2N)}, {@code s_0 = √(1/N)}, {@code s_k = √(2/N)}.
 */
public final class Dct {

    private final int n;
    private final int rows;
    private final double[] matrix;
    private final double[] values;
    private final double[] centred;

    public Dct(int rows, int n) {
        this.rows = rows;
        this.n = n;
        this.matrix = new double[rows * n];
        this.values = new double[n];
        this.centred = new double[n];
        for (int k = 0; k < rows; k++) {
            double s = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int j = 0; j < n; j++) {
                matrix[k * n + j] = s * Math.cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
            }
        }
    }

    /** Σ_j M[base + j]·v[j] with four accumulators (a_i takes j ≡ i mod 4), summed as (a0 + a1) + (a2 + a3). */
    private static double dot(double[] matrix, int n, int base, double[] v) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            a0 += matrix[base + j] * v[j];
            a1 += matrix[base + j + 1] * v[j + 1];
            a2 += matrix[base + j + 2] * v[j + 2];
            a3 += matrix[base + j + 3] * v[j + 3];
        }
        for (; j < n; j++) {
            a0 += matrix[base + j] * v[j];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** Row k, column j of the matrix. */
    public double get(int k, int j) {
        return matrix[k * n + j];
    }

    /**
     * out[k] = Σ_j M[k,j] x[j] for the first {@code rows} coefficients, stored as float32. Rows k ≥ 1
     * sum to zero, so they are applied to x − x[0]: the same value mathematically, less cancellation,
     * and exactly 0 for a constant input (silence), as scipy gives.
     */
    public void apply(float[] x, float[] out) {
        double c = x[0];
        for (int j = 0; j < n; j++) {
            values[j] = x[j];
            centred[j] = x[j] - c;
        }
        out[0] = (float) dot(matrix, n, 0, values);
        for (int k = 1; k < rows; k++) {
            out[k] = (float) dot(matrix, n, k * n, centred);
        }
    }
}
