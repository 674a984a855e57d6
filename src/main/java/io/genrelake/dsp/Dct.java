package io.genrelake.dsp;

/**
 * The first rows of the orthonormal DCT-II, as {@code scipy.fftpack.dct(x, type=2, norm='ortho')}
 * applied along the mel axis in {@code librosa.feature.mfcc}:
 * {@code X_k = s_k Σ_n x_n cos(π k (2n+1) / 2N)}, {@code s_0 = √(1/N)}, {@code s_k = √(2/N)}.
 */
public final class Dct {

    /**
     * sums[k] = Σ_j columns[j · stride + k] · v[j] for 0 < k < rows (at least), each a single running total in order
     * of j; {@link Dct#plainSums} or {@code VectorDctSums} on the Vector API, the same bits.
     */
    interface ColumnSums {
        void sums(double[] columns, int stride, int rows, double[] v, int n, double[] sums);
    }

    private final int n;
    private final int rows;
    /** Row-major, for {@link #get}. */
    private final double[] matrix;
    /**
     * Column-major: rows 1.. of input j at j · stride + k; row 0 and the rows past the last are zeros (whole vectors
     * of 8 doubles for the Vector API's sums).
     */
    private final double[] columns;
    private final int stride;
    private final double[] centred;
    private final double[] sums;
    private final ColumnSums columnSums;

    public Dct(int rows, int n) {
        this.rows = rows;
        this.n = n;
        this.matrix = new double[rows * n];
        this.stride = (rows + 7) / 8 * 8;
        this.columns = new double[n * stride];
        this.centred = new double[n];
        this.sums = new double[stride];
        for (int k = 0; k < rows; k++) {
            double s = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int j = 0; j < n; j++) {
                matrix[k * n + j] = s * Math.cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
                if (k > 0) {
                    columns[j * stride + k] = matrix[k * n + j];
                }
            }
        }
        this.columnSums = VectorApiProbe.choose(ColumnSums.class, "VectorDctSums", new Class<?>[0], new Object[0],
                () -> Dct::plainSums);
    }

    /** Row k, column j of the matrix. */
    public double get(int k, int j) {
        return matrix[k * n + j];
    }

    /**
     * out[k] = Σ_j M[k,j] x[j] for the first {@code rows} coefficients, each summed in double in order of j and
     * stored as float32. Rows k ≥ 1 sum to zero, so they are applied to x − x[0]: the same value mathematically,
     * less cancellation, and exactly 0 for a constant input (silence), as scipy gives. All rows advance together,
     * input by input, each row's sum one running total (docs/benchmarks.md: 2.6 ms per clip a row at a time with
     * four running totals, 1.7 ms so in plain Java, 0.34 ms on the Vector API).
     */
    public void apply(float[] x, float[] out) {
        double c = x[0];
        double first = 0;
        for (int j = 0; j < n; j++) {
            first += matrix[j] * x[j];
            centred[j] = x[j] - c;
        }
        columnSums.sums(columns, stride, rows, centred, n, sums);
        out[0] = (float) first;
        for (int k = 1; k < rows; k++) {
            out[k] = (float) sums[k];
        }
    }

    /** {@link ColumnSums} in plain Java (the rows loop is the inner one, so the totals stay independent). */
    static void plainSums(double[] columns, int stride, int rows, double[] v, int n, double[] sums) {
        java.util.Arrays.fill(sums, 0.0);
        for (int j = 0; j < n; j++) {
            double vj = v[j];
            for (int k = 1, b = j * stride + 1; k < rows; k++, b++) {
                sums[k] += columns[b] * vj;
            }
        }
    }
}
