package io.genrelake.dsp;

import java.util.Arrays;

/**
 * {@code librosa.onset.onset_detect(onset_envelope=env, sr=22050, hop_length=512)} (librosa/onset.py) with its
 * defaults: the envelope normalised to [0, 1] ({@code env − min}, then divided by {@code max + tiny}, float32),
 * then {@code util.peak_pick} (librosa/util/utils.py, {@code __peak_pick}) with pre_max 1, post_max 1, pre_avg 4,
 * post_avg 5, wait 1, delta 0.07: frame n is an onset when {@code x[n] = max(x[n−1..n])}, {@code x[n] ≥
 * mean(x[n−4..n+4]) + delta} (windows truncated at the ends) and it is more than {@code wait} frames after the
 * previous onset.
 *
 * <p>The normalisation needs the whole envelope's extremes, so the envelope is held: 4 bytes per frame (≈ 0.6 MB
 * for an hour of audio), in one array that grows by doubling and is reused by the next signal.
 */
public final class OnsetDetect {

    /** onset_detect's defaults at 22050 Hz, hop 512: {@code ceil(0.03·sr // hop)} etc. */
    static final int PRE_MAX = 1;
    static final int POST_MAX = 1;
    static final int PRE_AVG = 4;
    static final int POST_AVG = 5;
    static final int WAIT = 1;
    static final float DELTA = 0.07f;

    private float[] envelope = new float[4096];
    private int length;

    /** Starts a new signal. */
    public void reset() {
        length = 0;
    }

    /** Appends the next envelope value. */
    public void add(float value) {
        if (length == envelope.length) {
            envelope = Arrays.copyOf(envelope, 2 * length);
        }
        envelope[length++] = value;
    }

    /** Keeps the first {@code frames} values (onset_strength trims its delayed envelope to the frame count). */
    public void truncate(int frames) {
        length = Math.min(length, frames);
    }

    public int length() {
        return length;
    }

    /** The number of onsets of the envelope so far; normalises the held envelope in place. */
    public int count() {
        return pick(null);
    }

    /** As {@link #count}, writing the onsets' frame indices to {@code frames} when it is not null (for tests). */
    int pick(int[] frames) {
        float[] x = envelope;
        int n = length;
        if (n == 0) {
            return 0;
        }
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, x[i]);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = x[i] - min;
            max = Math.max(max, x[i]);
        }
        float divisor = max + Float.MIN_NORMAL; // + util.tiny(float32)
        boolean any = false;
        for (int i = 0; i < n; i++) {
            x[i] = x[i] / divisor;
            any |= x[i] != 0f;
        }
        if (!any) {
            return 0;
        }
        int onsets = 0;
        // the first frame: compared with the window after it only
        boolean first = x[0] >= max(x, 0, Math.min(POST_MAX, n)) && x[0] >= mean(x, 0, Math.min(POST_AVG, n)) + DELTA;
        int t = 1;
        if (first) {
            record(frames, onsets, 0);
            onsets++;
            t = WAIT + 1;
        }
        while (t < n) {
            if (x[t] != max(x, Math.max(0, t - PRE_MAX), Math.min(t + POST_MAX, n))
                    || !(x[t] >= mean(x, Math.max(0, t - PRE_AVG), Math.min(t + POST_AVG, n)) + DELTA)) {
                t++;
                continue;
            }
            record(frames, onsets, t);
            onsets++;
            t += WAIT + 1;
        }
        return onsets;
    }

    private static void record(int[] frames, int i, int t) {
        if (frames != null && i < frames.length) {
            frames[i] = t;
        }
    }

    private static float max(float[] x, int from, int to) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    /** numba's np.mean of a float32 slice: a float32 running sum divided (in float64) by the count. */
    private static double mean(float[] x, int from, int to) {
        float s = 0f;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (double) (to - from);
    }
}
