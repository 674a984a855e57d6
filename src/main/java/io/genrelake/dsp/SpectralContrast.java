package io.genrelake.dsp;

/**
 * {@code librosa.feature.spectral_contrast(S=|D|, sr, n_fft, fmin=200, n_bands=6, quantile=0.02)}
 * (librosa/feature/spectral.py): per octave band, the mean of the {@code idx} largest magnitudes (peak) and of
 * the {@code idx} smallest (valley), {@code idx = max(1, rint(quantile · band size))}; the contrast is
 * {@code power_to_db(peak) − power_to_db(valley)}, each clipped 80 dB below its own clip-wide maximum, which is
 * why peaks and valleys are a frame's output here and the dB step is {@link #toDb} once the maxima are known.
 *
 * <p>Bands as librosa cuts them: bins with {@code f_low ≤ f ≤ f_high}, plus the bin below for every band but
 * the first, everything above for the last; every band but the last then drops its top bin (the count that sets
 * {@code idx} is taken before that drop). librosa sorts each band; only the {@code idx} extremes matter, so they
 * are kept in two small sorted buffers during one scan (no sort, no allocation per frame).
 */
public final class SpectralContrast {

    /** librosa's defaults. */
    public static final double FMIN = 200.0;
    public static final int N_BANDS = 6;
    public static final double QUANTILE = 0.02;

    private final int bands;
    private final int[] from;
    private final int[] to;
    private final int[] take;
    private final float[] low;
    private final float[] high;

    public SpectralContrast(int sr, int nFft) {
        bands = N_BANDS + 1;
        double[] freq = FrequencyScale.fftFrequencies(sr, nFft);
        double[] octa = new double[N_BANDS + 2];
        for (int i = 1; i < octa.length; i++) {
            octa[i] = FMIN * Math.pow(2.0, i - 1);
        }
        if (octa[N_BANDS] >= 0.5 * sr) {
            throw new IllegalArgumentException("frequency band exceeds Nyquist");
        }
        from = new int[bands];
        to = new int[bands];
        take = new int[bands];
        int widest = 0;
        for (int k = 0; k < bands; k++) {
            int first = -1;
            int last = -1;
            for (int b = 0; b < freq.length; b++) {
                if (freq[b] >= octa[k] && freq[b] <= octa[k + 1]) {
                    if (first < 0) {
                        first = b;
                    }
                    last = b;
                }
            }
            if (k > 0) {
                first--;
            }
            if (k == N_BANDS) {
                last = freq.length - 1;
            }
            int count = last - first + 1;
            take[k] = (int) Math.max(1, Math.rint(QUANTILE * count));
            from[k] = first;
            to[k] = k < N_BANDS ? last : last + 1; // exclusive: all but the last band drop their top bin
            widest = Math.max(widest, take[k]);
        }
        low = new float[widest];
        high = new float[widest];
    }

    /** Number of contrast rows: n_bands + 1. */
    public int bands() {
        return bands;
    }

    /** Per band of one magnitude frame: the peak and valley (float32 means, as librosa's np.mean). */
    public void peaksAndValleys(float[] magnitude, float[] peak, float[] valley) {
        for (int k = 0; k < bands; k++) {
            int n = take[k];
            int s = from[k];
            int e = to[k];
            // seed both buffers with the first n values, sorted ascending
            for (int i = 0; i < n; i++) {
                insertLow(magnitude[s + i], i);
                insertHigh(magnitude[s + i], i);
            }
            float lowTop = low[n - 1];
            float highBottom = high[0];
            for (int b = s + n; b < e; b++) {
                float v = magnitude[b];
                if (v < lowTop) {
                    insertLow(v, n - 1);
                    lowTop = low[n - 1];
                }
                if (v > highBottom) {
                    shiftHigh(v, n);
                    highBottom = high[0];
                }
            }
            float lowSum = 0f;
            float highSum = 0f;
            for (int i = 0; i < n; i++) {
                lowSum += low[i];
                highSum += high[i];
            }
            valley[k] = lowSum / n;
            peak[k] = highSum / n;
        }
    }

    /** Inserts v into low[0, size] sorted ascending, dropping the element at {@code size} (the largest). */
    private void insertLow(float v, int size) {
        int i = size;
        while (i > 0 && low[i - 1] > v) {
            low[i] = low[i - 1];
            i--;
        }
        low[i] = v;
    }

    /** Inserts v into high[0, size] sorted ascending while seeding (size elements present). */
    private void insertHigh(float v, int size) {
        int i = size;
        while (i > 0 && high[i - 1] > v) {
            high[i] = high[i - 1];
            i--;
        }
        high[i] = v;
    }

    /** Replaces the smallest of high[0, n) by v, keeping it sorted ascending. */
    private void shiftHigh(float v, int n) {
        int i = 0;
        while (i + 1 < n && high[i + 1] < v) {
            high[i] = high[i + 1];
            i++;
        }
        high[i] = v;
    }

    /** power_to_db of a peak or valley in float64 (librosa keeps them in float64 arrays), before clipping. */
    public static double toDb(double x) {
        return 10.0 * Math.log10(Math.max(1e-10, x));
    }
}
