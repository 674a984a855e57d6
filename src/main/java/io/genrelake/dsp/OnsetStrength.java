package io.genrelake.dsp;

/**
 * The onset envelope {@code beat_track} uses: {@code librosa.onset.onset_strength(y, sr,
 * hop_length=512, aggregate=np.median)} — the positive first difference (lag 1) of the clipped dB mel
 * spectrogram, median over the mel bands, delayed by 3 frames (lag 1 + n_fft / (2 hop)) with zeros in
 * front and trimmed to the frame count. Fed one dB frame at a time.
 */
public final class OnsetStrength {

    /** Frames of delay: lag 1 plus the centring offset n_fft / (2 hop) = 2. */
    public static final int DELAY = 3;

    private final int bands;
    private final float[] previous;
    private final float[] rise;
    private boolean havePrevious;
    private float meanRise;

    public OnsetStrength(int bands) {
        this.bands = bands;
        this.previous = new float[bands];
        this.rise = new float[bands];
    }

    /**
     * Takes dB frame t and returns the envelope value of frame t + 2 (defined from t ≥ 1; frames 0..2
     * of the envelope are 0), or NaN for the first frame.
     */
    public float next(float[] db) {
        float value = Float.NaN;
        if (havePrevious) {
            float sum = 0f;
            for (int m = 0; m < bands; m++) {
                float d = db[m] - previous[m];
                rise[m] = d > 0f ? d : 0f;
                sum += rise[m];
            }
            meanRise = sum / bands;
            value = median(rise, bands);
        }
        System.arraycopy(db, 0, previous, 0, bands);
        havePrevious = true;
        return value;
    }

    /**
     * The same rise aggregated with onset_strength's default {@code aggregate=np.mean} (float32 running sum over
     * the bands, as numpy reduces an axis-0 float32 array, then divided): the envelope onset_detect reads. Valid
     * after {@link #next} returned a number.
     */
    public float meanRise() {
        return meanRise;
    }

    /** Starts a new signal. */
    public void reset() {
        havePrevious = false;
    }

    /**
     * np.median of non-negative float32 values (the mean of the two middle ones for an even count);
     * reorders {@code v}. Zeros are common, so they are counted first and only the positives are searched, by
     * selection rather than sorting (the envelope's stage took 2 ms less per clip; docs/benchmarks.md).
     */
    static float median(float[] v, int n) {
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] > 0f) {
                v[positives++] = v[i];
            }
        }
        int zeros = n - positives;
        int hi = n / 2;
        int lo = (n & 1) == 1 ? hi : hi - 1;
        if (hi < zeros) {
            return 0f;
        }
        if (lo < zeros) {
            // only the upper middle value is positive: the smallest positive
            return (0f + min(v, 0, positives)) / 2f;
        }
        int k = lo - zeros;
        select(v, positives, k);
        float a = v[k];
        return lo == hi ? a : (a + min(v, k + 1, positives)) / 2f;
    }

    private static float min(float[] v, int from, int to) {
        float min = Float.MAX_VALUE;
        for (int i = from; i < to; i++) {
            min = Math.min(min, v[i]);
        }
        return min;
    }

    /**
     * Moves the k-th smallest of v[0, n) to v[k], with nothing larger before it and nothing smaller after
     * (quickselect, median-of-three pivots: Numerical Recipes' {@code select}). Values must not be NaN.
     */
    static void select(float[] v, int n, int k) {
        int l = 0;
        int r = n - 1;
        while (r > l + 1) {
            swap(v, (l + r) >>> 1, l + 1);
            // order v[l] <= v[l+1] <= v[r]: v[l+1] is the pivot, v[l] and v[r] stop the scans below
            if (v[l] > v[r]) {
                swap(v, l, r);
            }
            if (v[l + 1] > v[r]) {
                swap(v, l + 1, r);
            }
            if (v[l] > v[l + 1]) {
                swap(v, l, l + 1);
            }
            float pivot = v[l + 1];
            int i = l + 1;
            int j = r;
            while (true) {
                do {
                    i++;
                } while (v[i] < pivot);
                do {
                    j--;
                } while (v[j] > pivot);
                if (j < i) {
                    break;
                }
                swap(v, i, j);
            }
            v[l + 1] = v[j];
            v[j] = pivot;
            if (j >= k) {
                r = j - 1;
            }
            if (j <= k) {
                l = i;
            }
        }
        if (r == l + 1 && v[r] < v[l]) {
            swap(v, l, r);
        }
    }

    private static void swap(float[] v, int a, int b) {
        float t = v[a];
        v[a] = v[b];
        v[b] = t;
    }
}
