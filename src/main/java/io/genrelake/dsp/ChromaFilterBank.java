package io.genrelake.dsp;

/**
 * Chroma filter bank, as {@code librosa.filters.chroma(sr, n_fft, tuning, n_chroma=12, ctroct=5.0,
 * octwidth=2, norm=2, base_c=True)} (Ellis' chromagram_E): for every FFT bin a Gaussian bump around its
 * fractional pitch class, each column L2-normalised, weighted by a Gaussian over octaves centred on
 * octave 5, rows rotated to start at C. Built in float64, stored float32.
 *
 * <p>{@link #apply} gives {@code chroma_stft}'s frame: basis · power, then each frame divided by its
 * maximum ({@code util.normalize(norm=inf)}; frames with a maximum below float32 tiny are left alone).
 */
public final class ChromaFilterBank {

    public static final int N_CHROMA = 12;
    private static final double CTROCT = 5.0;
    private static final double OCTWIDTH = 2.0;

    private final int bins;
    /** Weights transposed to [bin][chroma] so one pass over the spectrum feeds 12 accumulators. */
    private final float[] byBin;
    /** The 12 weighted sums: on the Vector API where the JVM has it, else {@link #plainSums}; the same bits. */
    private final Sums sums;

    /** The plain sums' halves: even bins, odd bins. */
    private final double[] evenSums = new double[N_CHROMA];
    private final double[] oddSums = new double[N_CHROMA];

    /**
     * Fills {@code chroma[c]} with (float) (E + O), E and O the sums in double of W[c,k]·power[k] over the even and
     * the odd bins, each in bin order.
     */
    interface Sums {
        void sums(float[] power, float[] chroma);
    }

    public ChromaFilterBank(int sr, int nFft, double tuning) {
        int nChroma = N_CHROMA;
        bins = 1 + nFft / 2;
        double[] frqbins = new double[nFft];
        // np.linspace(0, sr, n_fft, endpoint=False)[1:] -> bin k at k * sr / n_fft
        double step = (double) sr / nFft;
        for (int k = 1; k < nFft; k++) {
            frqbins[k] = nChroma * FrequencyScale.hzToOcts(k * step, tuning, nChroma);
        }
        // the 0-Hz bin is placed 1.5 octaves below bin 1
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        double[] binwidth = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) {
            binwidth[k] = Math.max(frqbins[k + 1] - frqbins[k], 1.0);
        }
        binwidth[nFft - 1] = 1.0;

        double nChroma2 = Math.rint(nChroma / 2.0);
        double[][] wts = new double[nChroma][nFft];
        for (int c = 0; c < nChroma; c++) {
            for (int k = 0; k < nFft; k++) {
                // project into -n_chroma/2 .. n_chroma/2 (offset by 10 n_chroma so the remainder is positive)
                double d = pyMod(frqbins[k] - c + nChroma2 + 10 * nChroma, nChroma) - nChroma2;
                double z = 2 * d / binwidth[k];
                wts[c][k] = Math.exp(-0.5 * z * z);
            }
        }
        for (int k = 0; k < nFft; k++) {
            double norm = 0;
            for (int c = 0; c < nChroma; c++) {
                norm += wts[c][k] * wts[c][k];
            }
            norm = Math.sqrt(norm);
            double octWeight = Math.exp(-0.5 * Math.pow((frqbins[k] / nChroma - CTROCT) / OCTWIDTH, 2));
            for (int c = 0; c < nChroma; c++) {
                double w = norm < Double.MIN_NORMAL ? wts[c][k] : wts[c][k] / norm;
                wts[c][k] = w * octWeight;
            }
        }
        byBin = new float[bins * nChroma];
        int roll = 3 * (nChroma / 12); // base_c: np.roll(wts, -3) so row 0 is C
        for (int c = 0; c < nChroma; c++) {
            double[] src = wts[(c + roll) % nChroma];
            for (int k = 0; k < bins; k++) {
                byBin[k * nChroma + c] = (float) src[k];
            }
        }
        sums = vectorSums(byBin, nChroma, bins);
    }

    private Sums vectorSums(float[] weights, int rows, int bins) {
        return VectorApiProbe.choose(Sums.class, "VectorChromaSums", new Class<?>[] {float[].class, int.class,
                int.class}, new Object[] {weights, rows, bins}, () -> this::plainSums);
    }

    /** Python's float modulo (result has the sign of the divisor), as np.remainder. */
    private static double pyMod(double a, double b) {
        double r = a % b;
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r;
    }

    /** Weight of chroma c at FFT bin k. */
    public float get(int c, int k) {
        return byBin[k * N_CHROMA + c];
    }

    /** chroma[c] = (Σ_k W[c,k] power[k]) / max_c(...), in float32 like librosa. */
    public void apply(float[] power, float[] chroma) {
        sums.sums(power, chroma);
        float max = 0f;
        for (int c = 0; c < N_CHROMA; c++) {
            max = Math.max(max, Math.abs(chroma[c]));
        }
        if (max >= Float32.TINY) {
            for (int c = 0; c < N_CHROMA; c++) {
                chroma[c] = chroma[c] / max;
            }
        }
    }

    /**
     * The sums with 12 scalar accumulators: the even bins in one pass, the odd ones in another, then each chroma's two
     * totals added (the Vector API version keeps the two halves in separate vectors, so neither waits on the
     * previous bin's addition: same bits; a clip's 1293 frames 3.5 -> 2.7 ms there, plain Java unchanged).
     */
    void plainSums(float[] power, float[] chroma) {
        halfSums(power, 0, evenSums);
        halfSums(power, 1, oddSums);
        for (int c = 0; c < N_CHROMA; c++) {
            chroma[c] = (float) (evenSums[c] + oddSums[c]);
        }
    }

    /** into[c] = Σ over bins k = first, first + 2, … of W[c,k]·power[k], in double, in bin order. */
    private void halfSums(float[] power, int first, double[] into) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0;
        float[] w = byBin;
        for (int k = first, o = first * N_CHROMA; k < bins; k += 2, o += 2 * N_CHROMA) {
            double p = power[k];
            a0 += w[o] * p;
            a1 += w[o + 1] * p;
            a2 += w[o + 2] * p;
            a3 += w[o + 3] * p;
            a4 += w[o + 4] * p;
            a5 += w[o + 5] * p;
            a6 += w[o + 6] * p;
            a7 += w[o + 7] * p;
            a8 += w[o + 8] * p;
            a9 += w[o + 9] * p;
            a10 += w[o + 10] * p;
            a11 += w[o + 11] * p;
        }
        into[0] = a0;
        into[1] = a1;
        into[2] = a2;
        into[3] = a3;
        into[4] = a4;
        into[5] = a5;
        into[6] = a6;
        into[7] = a7;
        into[8] = a8;
        into[9] = a9;
        into[10] = a10;
        into[11] = a11;
    }
}
