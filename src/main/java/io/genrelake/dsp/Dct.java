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

    public Dct(int rows, int n) {
        this.rows = rows;
        this.n = n;
        this.matrix = new double[rows * n];
        for (int k = 0; k < rows; k++) {
            double s = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int j = 0; j < n; j++) {
                matrix[k * n + j] = s * Math.cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
            }
        }
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
        double acc0 = 0;
        for (int j = 0; j < n; j++) {
            acc0 += matrix[j] * x[j];
        }
        out[0] = (float) acc0;
        for (int k = 1; k < rows; k++) {
            int base = k * n;
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += matrix[base + j] * (x[j] - c);
            }
            out[k] = (float) acc;
        }
    }
}
