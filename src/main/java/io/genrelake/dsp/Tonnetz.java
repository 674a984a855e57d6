package io.genrelake.dsp;

/**
 * {@code librosa.feature.tonnetz(chroma=chroma)} (librosa/feature/spectral.py): the L1-normalised chroma
 * ({@code util.normalize(norm=1)}, float32; an all-zero frame stays zero) projected on the circles of fifths,
 * minor and major thirds: {@code phi[p, c] = R[p] · cos(π · V[p, c])} with {@code V = scale ⊗ (0..11)}, the even
 * rows shifted by −0.5 (sines), in float64.
 */
public final class Tonnetz {

    /** Tonnetz dimensions: fifths (x, y), minor thirds (x, y), major thirds (x, y). */
    public static final int DIMENSIONS = 6;

    private static final double[] SCALE = {7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3};
    private static final double[] RADIUS = {1, 1, 1, 1, 0.5, 0.5};

    private final int chromaBins;
    private final double[][] phi;

    public Tonnetz(int chromaBins) {
        this.chromaBins = chromaBins;
        phi = new double[DIMENSIONS][chromaBins];
        for (int p = 0; p < DIMENSIONS; p++) {
            for (int c = 0; c < chromaBins; c++) {
                // dim_map = np.linspace(0, 12, num=n_chroma, endpoint=False)
                double v = SCALE[p] * (c * (12.0 / chromaBins));
                if (p % 2 == 0) {
                    v -= 0.5;
                }
                phi[p][c] = RADIUS[p] * Math.cos(Math.PI * v);
            }
        }
    }

    /** The six tonnetz coordinates of one chroma frame. */
    public void apply(float[] chroma, double[] tonnetz) {
        float length = 0f;
        for (int c = 0; c < chromaBins; c++) {
            length += Math.abs(chroma[c]);
        }
        if (length < Float.MIN_NORMAL) { // util.normalize: lengths below tiny are left at 1
            length = 1f;
        }
        for (int p = 0; p < DIMENSIONS; p++) {
            double[] row = phi[p];
            double s = 0;
            for (int c = 0; c < chromaBins; c++) {
                s += row[c] * (double) (chroma[c] / length);
            }
            tonnetz[p] = s;
        }
    }
}
