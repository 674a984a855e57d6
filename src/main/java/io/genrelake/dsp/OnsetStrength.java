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
            for (int m = 0; m < bands; m++) {
                float d = db[m] - previous[m];
                rise[m] = d > 0f ? d : 0f;
            }
            value = median(rise, bands);
        }
        System.arraycopy(db, 0, previous, 0, bands);
        havePrevious = true;
        return value;
    }

    /** Starts a new signal. */
    public void reset() {
        havePrevious = false;
    }

    /**
     * np.median of non-negative float32 values (the mean of the two middle ones for an even count);
     * reorders {@code v}. Zeros are common, so they are counted first and only positives are sorted.
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
        if (lo >= zeros) {
            java.util.Arrays.sort(v, 0, positives);
        } else if (hi >= zeros) {
            // only the upper middle value can be positive: the smallest positive
            float min = Float.MAX_VALUE;
            for (int i = 0; i < positives; i++) {
                min = Math.min(min, v[i]);
            }
            return (0f + min) / 2f;
        } else {
            return 0f;
        }
        float a = v[lo - zeros];
        float b = v[hi - zeros];
        return lo == hi ? a : (a + b) / 2f;
    }
}
