package io.genrelake.dsp;

/**
 * Slaney-style mel filter bank, as {@code librosa.filters.mel(sr=22050, n_fft=2048, n_mels=128,
 * htk=False, norm='slaney')}: triangles on the Slaney mel scale from 0 Hz to Nyquist, each scaled to
 * unit area. Weights are float32 rounded twice, exactly as librosa stores them (weights in float32, then
 * multiplied in place by the float64 area factors). Stored sparsely: each triangle touches a few bins.
 */
public final class MelFilterBank {

    /** librosa default n_mels. */
    public static final int N_MELS = 128;

    /**
     * {@link #apply} for the first {@code count} of a batch of power spectra ({@code power.length} rows, at least the
     * batch's lanes): {@code VectorMelSums} on the Vector API, else one row at a time; the same bits.
     */
    interface BatchSums {
        void apply(float[][] power, int count, float[][] mel);

        /** Rows taken at once. */
        int lanes();
    }

    private final int nMels;
    private final int bins;
    private final int[] start;
    private final float[][] weights;
    private final BatchSums batchSums;

    public MelFilterBank(int sr, int nFft, int nMels) {
        this.nMels = nMels;
        this.bins = 1 + nFft / 2;
        double[] fftFreqs = FrequencyScale.fftFrequencies(sr, nFft);
        double[] melF = FrequencyScale.melFrequencies(nMels + 2, 0.0, sr / 2.0);
        start = new int[nMels];
        weights = new float[nMels][];
        float[] row = new float[bins];
        for (int i = 0; i < nMels; i++) {
            double fdiffLo = melF[i + 1] - melF[i];
            double fdiffHi = melF[i + 2] - melF[i + 1];
            double enorm = 2.0 / (melF[i + 2] - melF[i]);
            int first = -1;
            int last = -1;
            for (int k = 0; k < bins; k++) {
                // ramps = mel_f - fftfreqs; lower = -ramps[i] / fdiff[i]; upper = ramps[i+2] / fdiff[i+1]
                double lower = -(melF[i] - fftFreqs[k]) / fdiffLo;
                double upper = (melF[i + 2] - fftFreqs[k]) / fdiffHi;
                float w = (float) Math.max(0.0, Math.min(lower, upper));
                w = (float) (w * enorm);
                row[k] = w;
                if (w != 0f) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0) {
                first = 0;
                last = -1;
            }
            start[i] = first;
            weights[i] = java.util.Arrays.copyOfRange(row, first, last + 1);
        }
        batchSums = VectorApiProbe.choose(BatchSums.class, "VectorMelSums",
                new Class<?>[] {int[].class, float[][].class, int.class}, new Object[] {start, weights, bins},
                () -> new BatchSums() {
                    @Override
                    public void apply(float[][] power, int count, float[][] mel) {
                        for (int i = 0; i < count; i++) {
                            MelFilterBank.this.apply(power[i], mel[i]);
                        }
                    }

                    @Override
                    public int lanes() {
                        return 1;
                    }
                });
    }

    /** The 22050-Hz, n_fft 2048, 128-band bank of the GTZAN features. */
    public static MelFilterBank gtzan() {
        return new MelFilterBank(22050, Stft.N_FFT, N_MELS);
    }

    public int size() {
        return nMels;
    }

    /** Dense copy of the weights, shape (n_mels, bins), for tests and inspection. */
    public float[][] dense() {
        float[][] d = new float[nMels][bins];
        for (int i = 0; i < nMels; i++) {
            System.arraycopy(weights[i], 0, d[i], start[i], weights[i].length);
        }
        return d;
    }

    /**
     * {@link #apply} to the first {@code count} rows of {@code power} into the rows of {@code mel}, the frames of a
     * batch at once where the JVM has the Vector API (one lane per frame: the weights are read once per batch and
     * each multiply-add covers eight frames): the same bits as row by row. {@code power} holds at least
     * {@link #batchLanes()} rows (rows past count may hold anything), {@code mel} at least count.
     */
    public void applyBatch(float[][] power, int count, float[][] mel) {
        batchSums.apply(power, count, mel);
    }

    /** Rows {@link #applyBatch} takes at once: the Vector API's double lanes, or 1. */
    public int batchLanes() {
        return batchSums.lanes();
    }

    /** mel[m] = sum_k W[m,k] power[k], accumulated in double and stored as float32 (librosa's float32 matmul). */
    public void apply(float[] power, float[] mel) {
        for (int m = 0; m < nMels; m++) {
            float[] w = weights[m];
            int s = start[m];
            double a0 = 0;
            double a1 = 0;
            int j = 0;
            for (; j + 1 < w.length; j += 2) {
                a0 += w[j] * (double) power[s + j];
                a1 += w[j + 1] * (double) power[s + j + 1];
            }
            if (j < w.length) {
                a0 += w[j] * (double) power[s + j];
            }
            mel[m] = (float) (a0 + a1);
        }
    }
}
